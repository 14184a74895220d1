#include "VectorKernels.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// Rows scored per call of the dot-product kernel (the scores stay in L1).
#define BLOCK 256

static inline const uint8_t *row_at(const uint8_t *codes, size_t stride, const int64_t *rows, int64_t first, size_t i) {
    return codes + (size_t)(rows ? rows[i] : first + (int64_t)i) * stride;
}

#define PORTABLE_NIBBLE_BODY                                                                      \
    for (size_t i = 0; i < count; i++) {                                                          \
        const uint8_t *row = row_at(codes, stride, rows, first, i);                               \
        int32_t sum = 0;                                                                          \
        for (size_t block = 0; block < stride; block += 64) {                                     \
            const int8_t *q = query + 2 * block;                                                  \
            for (size_t j = 0; j < 64; j++) {                                                     \
                uint8_t byte = row[block + j];                                                    \
                sum += (int32_t)(byte & 15) * q[j] + (int32_t)(byte >> 4) * q[64 + j];            \
            }                                                                                     \
        }                                                                                         \
        out[i] = sum - bias;                                                                      \
    }

static void nibble_dots_portable(const uint8_t *codes, size_t stride, const int64_t *rows, int64_t first,
                                 size_t count, const int8_t *query, int32_t bias, int32_t *out) {
    PORTABLE_NIBBLE_BODY
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void nibble_dots_avx2(const uint8_t *codes, size_t stride,
                                                             const int64_t *rows, int64_t first, size_t count,
                                                             const int8_t *query, int32_t bias, int32_t *out) {
    PORTABLE_NIBBLE_BODY
}

__attribute__((target("avx512f,avx512bw,avx512vnni"))) static void nibble_dots_vnni(
    const uint8_t *codes, size_t stride, const int64_t *rows, int64_t first, size_t count, const int8_t *query,
    int32_t bias, int32_t *out) {
    const __m512i low = _mm512_set1_epi8(15);
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        const uint8_t *r[4];
        for (int k = 0; k < 4; k++) r[k] = row_at(codes, stride, rows, first, i + k);
        if (rows && i + 8 <= count) {
            for (size_t ahead = 4; ahead < 8; ahead++) {
                const uint8_t *next = row_at(codes, stride, rows, first, i + ahead);
                for (size_t j = 0; j < stride; j += 64) _mm_prefetch((const char *)(next + j), _MM_HINT_T0);
            }
        }
        __m512i a[4] = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512(),
                        _mm512_setzero_si512()};
        for (size_t block = 0; block < stride; block += 64) {
            __m512i qlo = _mm512_loadu_si512((const void *)(query + 2 * block));
            __m512i qhi = _mm512_loadu_si512((const void *)(query + 2 * block + 64));
            for (int k = 0; k < 4; k++) {
                __m512i bytes = _mm512_loadu_si512((const void *)(r[k] + block));
                a[k] = _mm512_dpbusd_epi32(a[k], _mm512_and_si512(bytes, low), qlo);
                a[k] = _mm512_dpbusd_epi32(a[k], _mm512_and_si512(_mm512_srli_epi16(bytes, 4), low), qhi);
            }
        }
        for (int k = 0; k < 4; k++) out[i + k] = _mm512_reduce_add_epi32(a[k]) - bias;
    }
    if (i < count) nibble_dots_portable(codes, stride, rows ? rows + i : NULL, first + (int64_t)i, count - i, query, bias, out + i);
}
#endif

/// 0: portable, 1: AVX2, 2: AVX-512 VNNI.
static int instruction_level(void) {
    static int level = -1;
#if defined(__x86_64__)
    if (level < 0) {
        __builtin_cpu_init();
        level = __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw") ? 2
                : __builtin_cpu_supports("avx2")                                            ? 1
                                                                                            : 0;
    }
#else
    level = 0;
#endif
    return level;
}

static void nibble_dots(const uint8_t *codes, size_t stride, const int64_t *rows, int64_t first, size_t count,
                        const int8_t *query, int32_t bias, int32_t *out) {
#if defined(__x86_64__)
    int level = instruction_level();
    if (level == 2) return nibble_dots_vnni(codes, stride, rows, first, count, query, bias, out);
    if (level == 1) return nibble_dots_avx2(codes, stride, rows, first, count, query, bias, out);
#endif
    nibble_dots_portable(codes, stride, rows, first, count, query, bias, out);
}

/// As ScoreHistogram.bin in Swift: floor((score + 1) * 1024) in double, clamped; 0 when not finite.
static inline size_t histogram_bin(float score) {
    if (!isfinite(score)) return 0;
    double position = floor(((double)score + 1.0) * 1024.0);
    return position < 0 ? 0 : position > 2048 ? 2048 : (size_t)position;
}

size_t gallery_int4_scan(const gallery_scan_query *query, const int64_t *rows, int64_t first, size_t count,
                         float keep_from, int64_t *histogram, int64_t *kept_rows, float *kept_scores, size_t *kept) {
    int32_t dots[BLOCK];
    size_t counted = 0, keeping = 0;
    for (size_t start = 0; start < count; start += BLOCK) {
        size_t n = count - start < BLOCK ? count - start : BLOCK;
        const int64_t *block_rows = rows ? rows + start : NULL;
        int64_t block_first = first + (int64_t)start;
        nibble_dots(query->codes, query->stride, block_rows, block_first, n, query->query, query->bias, dots);
        for (size_t i = 0; i < n; i++) {
            int64_t row = block_rows ? block_rows[i] : block_first + (int64_t)i;
            if (query->collections[row] != query->collection || row == query->excluded_row) continue;
            float score = (float)dots[i] * query->scales[row] * query->query_scale;
            if (score >= query->min_score) {
                histogram[histogram_bin(score)] += 1;
                counted += 1;
            }
            if (score >= keep_from) {
                kept_rows[keeping] = row;
                kept_scores[keeping] = score;
                keeping += 1;
            }
        }
    }
    *kept = keeping;
    return counted;
}
