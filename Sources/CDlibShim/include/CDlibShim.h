#ifndef CDLIBSHIM_H
#define CDLIBSHIM_H

#include <stddef.h>
#include <stdint.h>

/// Face alignment and 128-d face descriptors with dlib, behind a plain C API.
///
/// A model set (`sg_face_models`) holds dlib's 5-point shape predictor and its face recognition
/// ResNet. dlib's network keeps per-call state, so a model set must be used by one thread at a
/// time: give each thread its own copy with `sg_face_models_clone`. No C++ exception crosses this
/// API: functions that fail return NULL or -1 and write a NUL-terminated message into `error`
/// (truncated to `error_size` bytes; `error` may be NULL when `error_size` is 0).

#ifdef __cplusplus
extern "C" {
#endif

/// A shape predictor and a face recognition network, used by one thread at a time.
typedef struct sg_face_models sg_face_models;

/// The side of the aligned face chips the network reads, in pixels.
#define SG_FACE_CHIP_SIZE 150
/// The length of one face descriptor.
#define SG_FACE_DESCRIPTOR_LENGTH 128
/// The number of landmarks the shape predictor places (eye corners and the base of the nose).
#define SG_FACE_LANDMARK_COUNT 5

/// Loads `shape_predictor_5_face_landmarks.dat` from `landmarks_path` and
/// `dlib_face_recognition_resnet_model_v1.dat` from `descriptor_path`.
///
/// Returns NULL and a message naming the file when a file is missing or does not deserialise.
/// Free the result with `sg_face_models_free`.
sg_face_models *sg_face_models_load(const char *landmarks_path, const char *descriptor_path, char *error,
                                    size_t error_size);

/// A deep copy of `models` for another thread (about 45 MB; ~30 ms).
///
/// `models` is only read, but must not be in use by `sg_face_describe` on another thread at the
/// same time. Returns NULL and a message on failure (out of memory).
sg_face_models *sg_face_models_clone(const sg_face_models *models, char *error, size_t error_size);

/// Frees a model set; NULL is ignored.
void sg_face_models_free(sg_face_models *models);

/// Aligns and describes `count` faces of one image.
///
/// - `rgb`: interleaved 8-bit RGB, row-major, `width * height * 3` bytes.
/// - `boxes`: `count * 4` floats per face: left, top, width, height in pixels of `rgb`. Boxes may
///   reach outside the image; width and height must be positive and finite.
/// - `landmarks` (out): `count * 10` floats: the 5 landmarks as x, y pairs in pixels of `rgb`.
/// - `descriptors` (out): `count * 128` floats, one descriptor per face (not normalised, length ~1.4;
///   faces of one person are usually less than 0.6 apart in Euclidean distance).
/// - `chips` (optional out, may be NULL): `count * 150 * 150 * 3` bytes, the aligned RGB chips the
///   network read (row-major).
///
/// `count` may be 0 (nothing is read or written). Returns 0 on success, -1 with a message on
/// failure; outputs are then unspecified.
int sg_face_describe(sg_face_models *models, const uint8_t *rgb, int width, int height, const float *boxes, int count,
                     float *landmarks, float *descriptors, uint8_t *chips, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
