// The face recognition ResNet: its type (exactly as in dlib's dnn_face_recognition_ex.cpp, or the
// model file does not deserialise) and inference.
#include "shim_private.h"

#include <dlib/dnn.h>

#include <memory>

namespace {

using namespace dlib;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual = add_prev1<block<N, BN, 1, tag1<SUBNET>>>;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual_down = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<block<N, BN, 2, tag1<SUBNET>>>>>>;

template <int N, template <typename> class BN, int stride, typename SUBNET>
using block = BN<con<N, 3, 3, 1, 1, relu<BN<con<N, 3, 3, stride, stride, SUBNET>>>>>;

template <int N, typename SUBNET> using ares = relu<residual<block, N, affine, SUBNET>>;
template <int N, typename SUBNET> using ares_down = relu<residual_down<block, N, affine, SUBNET>>;

template <typename SUBNET> using alevel0 = ares_down<256, SUBNET>;
template <typename SUBNET> using alevel1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
template <typename SUBNET> using alevel2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
template <typename SUBNET> using alevel3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
template <typename SUBNET> using alevel4 = ares<32, ares<32, ares<32, SUBNET>>>;

using anet_type = loss_metric<fc_no_bias<128, avg_pool_everything<alevel0<alevel1<alevel2<alevel3<alevel4<
    max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;

/// Faces per forward pass: bounds the activation memory (~30 MB per face) without slowing down.
constexpr std::size_t batch_size = 8;

}  // namespace

namespace sg {

struct descriptor_net {
    anet_type net;
};

descriptor_net *descriptor_net_load(const std::string &path) {
    auto result = std::make_unique<descriptor_net>();
    dlib::deserialize(path) >> result->net;
    return result.release();
}

descriptor_net *descriptor_net_clone(const descriptor_net &net) {
    return new descriptor_net(net);
}

void descriptor_net_free(descriptor_net *net) {
    delete net;
}

void descriptor_net_compute(descriptor_net &net, const std::vector<dlib::matrix<dlib::rgb_pixel>> &chips, float *out) {
    std::vector<dlib::matrix<float, 0, 1>> descriptors = net.net(chips, batch_size);
    for (std::size_t face = 0; face < descriptors.size(); ++face) {
        const dlib::matrix<float, 0, 1> &descriptor = descriptors[face];
        if (descriptor.size() != 128) {
            throw dlib::error("the network returned a descriptor of " + std::to_string(descriptor.size()) +
                              " values, not 128");
        }
        for (long index = 0; index < 128; ++index) {
            out[face * 128 + index] = descriptor(index);
        }
    }
}

}  // namespace sg
