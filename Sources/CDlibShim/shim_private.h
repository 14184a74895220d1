// Shared between landmarks.cpp (the C API, shape predictor and chips) and descriptor.cpp (the
// face recognition ResNet). The network type lives in descriptor.cpp alone: it takes most of the
// compile time, and splitting lets two cores build the shim in parallel.
#ifndef CDLIBSHIM_PRIVATE_H
#define CDLIBSHIM_PRIVATE_H

#include <dlib/matrix.h>
#include <dlib/pixel.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

namespace sg {

/// The face recognition network, opaque outside descriptor.cpp.
struct descriptor_net;

/// Deserialises `dlib_face_recognition_resnet_model_v1.dat`; throws on failure.
descriptor_net *descriptor_net_load(const std::string &path);
/// A deep copy; throws on failure.
descriptor_net *descriptor_net_clone(const descriptor_net &net);
void descriptor_net_free(descriptor_net *net);
/// Writes `chips.size() * 128` floats to `out`; throws on failure.
void descriptor_net_compute(descriptor_net &net, const std::vector<dlib::matrix<dlib::rgb_pixel>> &chips, float *out);

/// Copies `message` into `error` (truncated, NUL-terminated) when there is room.
inline void write_error(char *error, std::size_t error_size, const std::string &message) {
    if (error == nullptr || error_size == 0) {
        return;
    }
    std::size_t length = message.size() < error_size - 1 ? message.size() : error_size - 1;
    std::memcpy(error, message.data(), length);
    error[length] = '\0';
}

}  // namespace sg

#endif
