#ifndef CPILLOWRESAMPLE_H
#define CPILLOWRESAMPLE_H

#include <stdint.h>

/// The filters of Pillow's convolution resampling that CLIP-family models ask for.
typedef enum {
    SG_RESAMPLE_BILINEAR = 0,
    SG_RESAMPLE_BICUBIC = 1,
} SGResampleFilter;

/// Resizes an interleaved 8-bit image exactly as Pillow's `Image.resize` does for 8-bit modes
/// (two separable passes, horizontal then vertical, coefficients in 22-bit fixed point, each pass
/// rounded and clamped to 8 bits), but computes only a window of the output: the pixels at
/// `window_left..<window_left+window_width` and `window_top..<window_top+window_height` of the
/// `out_width x out_height` result, written to `out` (`window_width * window_height * channels`
/// bytes). Every output pixel equals Pillow's; the window only saves the work a crop discards.
///
/// Returns 0, or -1 when an argument is out of range or memory runs out.
int sg_pillow_resize(const uint8_t *in, int in_width, int in_height, int channels,
    int out_width, int out_height, SGResampleFilter filter,
    int window_left, int window_top, int window_width, int window_height, uint8_t *out);

#endif
