/* Pillow's convolution resampling (libImaging/Resample.c, 8 bits per channel) written again
 * from its documented behaviour: filter support scaled by the reduction factor, weights
 * normalised to sum 1, rounded to 22-bit fixed point, each pass accumulated from a half-unit
 * bias, shifted and clamped to 0...255. */
#include "CPillowResample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { PRECISION_BITS = 32 - 8 - 2 };

static double bilinear(double x) {
    if (x < 0.0) x = -x;
    return x < 1.0 ? 1.0 - x : 0.0;
}

/* Keys' cubic with a = -0.5, as Pillow's BICUBIC. */
static double bicubic(double x) {
    const double a = -0.5;
    if (x < 0.0) x = -x;
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

/* Fixed-point weights of output positions first..<first+count out of out_size along an axis of
 * in_size: for each, the first input index, the number of taps, and ksize weights. */
typedef struct {
    int ksize;
    int *bounds;
    int32_t *weights;
} Coefficients;

static int coefficients(int in_size, int out_size, SGResampleFilter filter, int first, int count,
    Coefficients *result) {
    double (*kernel)(double) = filter == SG_RESAMPLE_BICUBIC ? bicubic : bilinear;
    double support = filter == SG_RESAMPLE_BICUBIC ? 2.0 : 1.0;
    double scale = (double)in_size / out_size;
    double filterscale = scale < 1.0 ? 1.0 : scale;
    support *= filterscale;
    int ksize = (int)ceil(support) * 2 + 1;
    double *taps = malloc(sizeof(double) * (size_t)ksize);
    result->ksize = ksize;
    result->bounds = malloc(sizeof(int) * 2 * (size_t)count);
    result->weights = malloc(sizeof(int32_t) * (size_t)ksize * (size_t)count);
    if (taps == NULL || result->bounds == NULL || result->weights == NULL) {
        free(taps);
        free(result->bounds);
        free(result->weights);
        return -1;
    }
    for (int index = 0; index < count; index++) {
        int position = first + index;
        double center = (position + 0.5) * scale;
        double inverse = 1.0 / filterscale;
        int low = (int)(center - support + 0.5);
        if (low < 0) low = 0;
        int high = (int)(center + support + 0.5);
        if (high > in_size) high = in_size;
        int span = high - low;
        double total = 0.0;
        for (int tap = 0; tap < span; tap++) {
            taps[tap] = kernel((tap + low - center + 0.5) * inverse);
            total += taps[tap];
        }
        int32_t *weights = result->weights + (size_t)index * ksize;
        for (int tap = 0; tap < ksize; tap++) {
            /* Pillow leaves the weights as they are when they sum to zero. */
            double weight = tap >= span ? 0.0 : total != 0.0 ? taps[tap] / total : taps[tap];
            weights[tap] = weight < 0 ? (int32_t)(-0.5 + weight * (1 << PRECISION_BITS))
                                      : (int32_t)(0.5 + weight * (1 << PRECISION_BITS));
        }
        result->bounds[index * 2] = low;
        result->bounds[index * 2 + 1] = span;
    }
    free(taps);
    return 0;
}

static void release(Coefficients *coefficients) {
    free(coefficients->bounds);
    free(coefficients->weights);
}

static inline uint8_t clamp8(int32_t sum) {
    int32_t value = sum >> PRECISION_BITS;
    return value < 0 ? 0 : value > 255 ? 255 : (uint8_t)value;
}

int sg_pillow_resize(const uint8_t *in, int in_width, int in_height, int channels,
    int out_width, int out_height, SGResampleFilter filter,
    int window_left, int window_top, int window_width, int window_height, uint8_t *out) {
    if (in == NULL || out == NULL || in_width <= 0 || in_height <= 0 || channels <= 0 || channels > 4
        || out_width <= 0 || out_height <= 0 || window_left < 0 || window_top < 0 || window_width <= 0
        || window_height <= 0 || window_left + window_width > out_width
        || window_top + window_height > out_height) {
        return -1;
    }
    /* Pillow skips a pass whose axis keeps its size. */
    int horizontal = out_width != in_width;
    int vertical = out_height != in_height;
    Coefficients columns = {0}, rows = {0};
    if (horizontal && coefficients(in_width, out_width, filter, window_left, window_width, &columns)) return -1;
    if (vertical && coefficients(in_height, out_height, filter, window_top, window_height, &rows)) {
        release(&columns);
        return -1;
    }
    /* The input rows the vertical pass reads. */
    int first_row = window_top, last_row = window_top + window_height;
    if (vertical) {
        first_row = rows.bounds[0];
        last_row = rows.bounds[(window_height - 1) * 2] + rows.bounds[(window_height - 1) * 2 + 1];
    }
    int middle_rows = last_row - first_row;
    uint8_t *middle = malloc((size_t)window_width * (size_t)middle_rows * (size_t)channels);
    if (middle == NULL) {
        release(&columns);
        release(&rows);
        return -1;
    }
    const int32_t bias = 1 << (PRECISION_BITS - 1);
    for (int row = 0; row < middle_rows; row++) {
        const uint8_t *source = in + (size_t)(first_row + row) * in_width * channels;
        uint8_t *target = middle + (size_t)row * window_width * channels;
        for (int column = 0; column < window_width; column++) {
            if (!horizontal) {
                memcpy(target + column * channels, source + (size_t)(window_left + column) * channels,
                    (size_t)channels);
                continue;
            }
            int low = columns.bounds[column * 2], span = columns.bounds[column * 2 + 1];
            const int32_t *weights = columns.weights + (size_t)column * columns.ksize;
            for (int channel = 0; channel < channels; channel++) {
                int32_t sum = bias;
                const uint8_t *pixel = source + (size_t)low * channels + channel;
                for (int tap = 0; tap < span; tap++) sum += pixel[tap * channels] * weights[tap];
                target[column * channels + channel] = clamp8(sum);
            }
        }
    }
    size_t line = (size_t)window_width * channels;
    for (int row = 0; row < window_height; row++) {
        uint8_t *target = out + (size_t)row * line;
        if (!vertical) {
            memcpy(target, middle + (size_t)row * line, line);
            continue;
        }
        int low = rows.bounds[row * 2] - first_row, span = rows.bounds[row * 2 + 1];
        const int32_t *weights = rows.weights + (size_t)row * rows.ksize;
        for (size_t index = 0; index < line; index++) {
            int32_t sum = bias;
            const uint8_t *pixel = middle + (size_t)low * line + index;
            for (int tap = 0; tap < span; tap++) sum += pixel[tap * line] * weights[tap];
            target[index] = clamp8(sum);
        }
    }
    free(middle);
    release(&columns);
    release(&rows);
    return 0;
}
