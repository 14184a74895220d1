// The C API (see include/CDlibShim.h), the 5-point shape predictor and the aligned face chips.
// The network itself is in descriptor.cpp.
#include "CDlibShim.h"
#include "shim_private.h"

#include <dlib/image_processing/full_object_detection.h>
#include <dlib/image_processing/generic_image.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/image_transforms/interpolation.h>

#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <new>

namespace sg {

/// A read-only view of caller-owned interleaved RGB bytes, so dlib reads them without a copy.
struct rgb_view {
    const unsigned char *pixels;
    long rows;
    long columns;
};

inline long num_rows(const rgb_view &image) { return image.rows; }
inline long num_columns(const rgb_view &image) { return image.columns; }
inline long width_step(const rgb_view &image) { return image.columns * 3; }
inline const void *image_data(const rgb_view &image) { return image.pixels; }

/// Frees a network on scope exit unless released.
struct net_deleter {
    void operator()(descriptor_net *net) const { descriptor_net_free(net); }
};
using net_pointer = std::unique_ptr<descriptor_net, net_deleter>;

}  // namespace sg

namespace dlib {
template <> struct image_traits<sg::rgb_view> {
    typedef rgb_pixel pixel_type;
};
}  // namespace dlib

static_assert(sizeof(dlib::rgb_pixel) == 3, "dlib::rgb_pixel must be three packed bytes");

struct sg_face_models {
    dlib::shape_predictor landmarks;
    sg::net_pointer descriptor;
};

namespace {

/// Whether `path` can be opened for reading (dlib's own message for a missing file is vaguer).
bool readable(const char *path) {
    std::FILE *file = std::fopen(path, "rb");
    if (file == nullptr) {
        return false;
    }
    std::fclose(file);
    return true;
}

/// Runs `body`, turning any exception into `failure` and a message.
template <typename Result, typename Body>
Result guarded(Result failure, char *error, std::size_t error_size, const std::string &context, Body body) {
    try {
        return body();
    } catch (const std::bad_alloc &) {
        sg::write_error(error, error_size, context + ": out of memory");
    } catch (const std::exception &exception) {  // dlib::error derives from std::exception
        sg::write_error(error, error_size, context + ": " + exception.what());
    } catch (...) {
        sg::write_error(error, error_size, context + ": unknown C++ exception");
    }
    return failure;
}

}  // namespace

extern "C" sg_face_models *sg_face_models_load(const char *landmarks_path, const char *descriptor_path, char *error,
                                               size_t error_size) {
    if (landmarks_path == nullptr || descriptor_path == nullptr) {
        sg::write_error(error, error_size, "no model path given");
        return nullptr;
    }
    for (const char *path : {landmarks_path, descriptor_path}) {
        if (!readable(path)) {
            sg::write_error(error, error_size, std::string("cannot open model file ") + path);
            return nullptr;
        }
    }
    auto models = std::make_unique<sg_face_models>();
    bool loaded = guarded(false, error, error_size, std::string("cannot load ") + landmarks_path, [&] {
        dlib::deserialize(landmarks_path) >> models->landmarks;
        if (models->landmarks.num_parts() != SG_FACE_LANDMARK_COUNT) {
            throw dlib::error("expected a 5-point shape predictor, found " +
                              std::to_string(models->landmarks.num_parts()) + " points");
        }
        return true;
    });
    if (!loaded) {
        return nullptr;
    }
    loaded = guarded(false, error, error_size, std::string("cannot load ") + descriptor_path, [&] {
        models->descriptor.reset(sg::descriptor_net_load(descriptor_path));
        return true;
    });
    return loaded ? models.release() : nullptr;
}

extern "C" sg_face_models *sg_face_models_clone(const sg_face_models *models, char *error, size_t error_size) {
    if (models == nullptr) {
        sg::write_error(error, error_size, "no model set to clone");
        return nullptr;
    }
    return guarded<sg_face_models *>(nullptr, error, error_size, "cannot copy the face models", [&] {
        auto copy = std::make_unique<sg_face_models>();
        copy->landmarks = models->landmarks;
        copy->descriptor.reset(sg::descriptor_net_clone(*models->descriptor));
        return copy.release();
    });
}

extern "C" void sg_face_models_free(sg_face_models *models) {
    delete models;
}

extern "C" int sg_face_describe(sg_face_models *models, const uint8_t *rgb, int width, int height, const float *boxes,
                                int count, float *landmarks, float *descriptors, uint8_t *chips, char *error,
                                size_t error_size) {
    if (count == 0) {
        return 0;
    }
    if (models == nullptr || rgb == nullptr || boxes == nullptr || landmarks == nullptr || descriptors == nullptr ||
        width <= 0 || height <= 0 || count < 0) {
        sg::write_error(error, error_size, "invalid arguments to sg_face_describe");
        return -1;
    }
    return guarded(-1, error, error_size, "cannot describe the faces", [&] {
        const sg::rgb_view image{rgb, height, width};
        std::vector<dlib::matrix<dlib::rgb_pixel>> aligned(static_cast<std::size_t>(count));
        for (int face = 0; face < count; ++face) {
            const float *box = boxes + face * 4;
            if (!(std::isfinite(box[0]) && std::isfinite(box[1]) && std::isfinite(box[2]) && std::isfinite(box[3]) &&
                  box[2] > 0 && box[3] > 0)) {
                throw dlib::error("face box " + std::to_string(face) + " is empty or not finite");
            }
            // dlib rectangles are inclusive: right = left + width - 1.
            const long left = std::lround(box[0]);
            const long top = std::lround(box[1]);
            const dlib::rectangle rectangle(left, top, left + std::max(1L, std::lround(box[2])) - 1,
                                            top + std::max(1L, std::lround(box[3])) - 1);
            const dlib::full_object_detection shape = models->landmarks(image, rectangle);
            for (unsigned long part = 0; part < SG_FACE_LANDMARK_COUNT; ++part) {
                landmarks[face * 10 + part * 2] = static_cast<float>(shape.part(part).x());
                landmarks[face * 10 + part * 2 + 1] = static_cast<float>(shape.part(part).y());
            }
            dlib::extract_image_chip(image, dlib::get_face_chip_details(shape, SG_FACE_CHIP_SIZE, 0.25),
                                     aligned[face]);
            if (chips != nullptr) {
                const std::size_t chip_bytes = SG_FACE_CHIP_SIZE * SG_FACE_CHIP_SIZE * 3;
                std::memcpy(chips + face * chip_bytes, &aligned[face](0, 0), chip_bytes);
            }
        }
        sg::descriptor_net_compute(*models->descriptor, aligned, descriptors);
        return 0;
    });
}
