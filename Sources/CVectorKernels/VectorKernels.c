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

/// The rows `[start, start + n)` of a scan, one at a time (the portable and AVX2 path, and the
/// rows past the last group of 16 on AVX-512).
static size_t scan_rows(const gallery_scan_query *query, const int64_t *rows, int64_t first, size_t start, size_t count,
                        float keep_from, int64_t *histogram, int64_t *kept_rows, float *kept_scores, size_t *kept) {
    int32_t dots[BLOCK];
    size_t counted = 0, keeping = *kept;
    for (; start < count; start += BLOCK) {
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

#if defined(__x86_64__)
#define VNNI_TARGET __attribute__((target("avx512f,avx512bw,avx512dq,avx512vnni")))

/// Lane k of the result is the sum of the 16 lanes of `a[k]` (a transposing tree of adds: 45
/// instructions for 16 rows where a reduction per row takes about 9 each).
VNNI_TARGET static inline __m512i sum_lanes16(const __m512i a[16]) {
    __m512i t[8], u[4];
    for (int i = 0; i < 8; i++)
        t[i] = _mm512_add_epi32(_mm512_unpacklo_epi32(a[2 * i], a[2 * i + 1]), _mm512_unpackhi_epi32(a[2 * i], a[2 * i + 1]));
    for (int i = 0; i < 4; i++)
        u[i] = _mm512_add_epi32(_mm512_unpacklo_epi64(t[2 * i], t[2 * i + 1]), _mm512_unpackhi_epi64(t[2 * i], t[2 * i + 1]));
    __m512i x0 = _mm512_add_epi32(_mm512_shuffle_i32x4(u[0], u[1], _MM_SHUFFLE(2, 0, 2, 0)),
                                  _mm512_shuffle_i32x4(u[0], u[1], _MM_SHUFFLE(3, 1, 3, 1)));
    __m512i x1 = _mm512_add_epi32(_mm512_shuffle_i32x4(u[2], u[3], _MM_SHUFFLE(2, 0, 2, 0)),
                                  _mm512_shuffle_i32x4(u[2], u[3], _MM_SHUFFLE(3, 1, 3, 1)));
    return _mm512_add_epi32(_mm512_shuffle_i32x4(x0, x1, _MM_SHUFFLE(2, 0, 2, 0)),
                            _mm512_shuffle_i32x4(x0, x1, _MM_SHUFFLE(3, 1, 3, 1)));
}

/// The scan on AVX-512 VNNI, 16 rows at a time: their dot products in 16 accumulators summed
/// together, then the filters, the scores, the histogram's bins and the kept rows for all 16 at
/// once (the same arithmetic as `scan_rows`, so the same results). Scans the first
/// `count / 16 * 16` rows.
VNNI_TARGET static size_t scan_vnni(const gallery_scan_query *query, const int64_t *rows, int64_t first, size_t count,
                                    float keep_from, int64_t *histogram, int64_t *kept_rows, float *kept_scores,
                                    size_t *kept) {
    const __m512i low = _mm512_set1_epi8(15);
    const __m512i lanes = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    const __m512i collection = _mm512_set1_epi64(query->collection);
    const __m512i excluded = _mm512_set1_epi64(query->excluded_row);
    const __m512i bias = _mm512_set1_epi32(query->bias);
    const __m512 query_scale = _mm512_set1_ps(query->query_scale);
    const __m512 min_score = _mm512_set1_ps(query->min_score), keep = _mm512_set1_ps(keep_from);
    const __m512d one = _mm512_set1_pd(1.0), bins_per_unit = _mm512_set1_pd(1024.0);
    const __m512d lowest = _mm512_setzero_pd(), highest = _mm512_set1_pd(2048.0);
    const size_t stride = query->stride;
    size_t counted = 0, keeping = *kept;
    int32_t bins[16];
    // Rows are fetched this far ahead, listed rows or not (measured at 1,000,000 rows: the
    // contiguous scan 15 -> 8.5 ms; the hardware prefetcher alone falls behind).
    const size_t ahead = rows ? 16 : 64;
    for (size_t i = 0; i + 16 <= count; i += 16) {
        const uint8_t *r[16];
        for (int k = 0; k < 16; k++) r[k] = row_at(query->codes, stride, rows, first, i + k);
        if (i + ahead + 16 <= count) {
            for (int k = 0; k < 16; k++) {
                const uint8_t *next = row_at(query->codes, stride, rows, first, i + ahead + k);
                for (size_t j = 0; j < stride; j += 64) _mm_prefetch((const char *)(next + j), _MM_HINT_T0);
            }
        }
        __m512i a[16];
        for (int k = 0; k < 16; k++) a[k] = _mm512_setzero_si512();
        for (size_t block = 0; block < stride; block += 64) {
            __m512i qlo = _mm512_loadu_si512((const void *)(query->query + 2 * block));
            __m512i qhi = _mm512_loadu_si512((const void *)(query->query + 2 * block + 64));
            for (int k = 0; k < 16; k++) {
                __m512i bytes = _mm512_loadu_si512((const void *)(r[k] + block));
                a[k] = _mm512_dpbusd_epi32(a[k], _mm512_and_si512(bytes, low), qlo);
                a[k] = _mm512_dpbusd_epi32(a[k], _mm512_and_si512(_mm512_srli_epi16(bytes, 4), low), qhi);
            }
        }
        __m512i dots = _mm512_sub_epi32(sum_lanes16(a), bias);
        // The rows' numbers, their collections and scales.
        __m512i row0, row1;
        __m512 scales;
        __m512i collections0, collections1;
        if (rows) {
            row0 = _mm512_loadu_si512((const void *)(rows + i));
            row1 = _mm512_loadu_si512((const void *)(rows + i + 8));
            collections0 = _mm512_i64gather_epi64(row0, (const void *)query->collections, 8);
            collections1 = _mm512_i64gather_epi64(row1, (const void *)query->collections, 8);
            __m256 scales0 = _mm512_i64gather_ps(row0, query->scales, 4);
            __m256 scales1 = _mm512_i64gather_ps(row1, query->scales, 4);
            scales = _mm512_insertf32x8(_mm512_castps256_ps512(scales0), scales1, 1);
        } else {
            int64_t base = first + (int64_t)i;
            row0 = _mm512_add_epi64(_mm512_set1_epi64(base), lanes);
            row1 = _mm512_add_epi64(_mm512_set1_epi64(base + 8), lanes);
            collections0 = _mm512_loadu_si512((const void *)(query->collections + base));
            collections1 = _mm512_loadu_si512((const void *)(query->collections + base + 8));
            scales = _mm512_loadu_ps(query->scales + base);
        }
        __mmask16 valid = (__mmask16)(_mm512_cmpeq_epi64_mask(collections0, collection) |
                                      (_mm512_cmpeq_epi64_mask(collections1, collection) << 8));
        valid &= (__mmask16)~(_mm512_cmpeq_epi64_mask(row0, excluded) | (_mm512_cmpeq_epi64_mask(row1, excluded) << 8));
        if (!valid) continue;
        __m512 scores = _mm512_mul_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(dots), scales), query_scale);
        __mmask16 counting = valid & _mm512_cmp_ps_mask(scores, min_score, _CMP_GE_OQ);
        __mmask16 keeping_mask = valid & _mm512_cmp_ps_mask(scores, keep, _CMP_GE_OQ);
        if (keeping_mask) {
            _mm512_mask_compressstoreu_ps(kept_scores + keeping, keeping_mask, scores);
            _mm512_mask_compressstoreu_epi64(kept_rows + keeping, (__mmask8)keeping_mask, row0);
            size_t lower = (size_t)__builtin_popcount(keeping_mask & 0xff);
            _mm512_mask_compressstoreu_epi64(kept_rows + keeping + lower, (__mmask8)(keeping_mask >> 8), row1);
            keeping += (size_t)__builtin_popcount(keeping_mask);
        }
        if (counting) {
            // As histogram_bin: floor((score + 1) * 1024) in double, clamped, 0 when not finite.
            __m512d low_scores = _mm512_cvtps_pd(_mm512_castps512_ps256(scores));
            __m512d high_scores = _mm512_cvtps_pd(_mm512_extractf32x8_ps(scores, 1));
            __m512d positions[2] = {low_scores, high_scores};
            for (int half = 0; half < 2; half++) {
                __m512d position = _mm512_roundscale_pd(_mm512_mul_pd(_mm512_add_pd(positions[half], one), bins_per_unit),
                                                        _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
                position = _mm512_min_pd(_mm512_max_pd(position, lowest), highest);
                __mmask8 not_finite = _mm512_fpclass_pd_mask(positions[half], 0x99);
                position = _mm512_mask_mov_pd(position, not_finite, lowest);
                _mm256_storeu_si256((__m256i *)(bins + 8 * half), _mm512_cvttpd_epi32(position));
            }
            for (unsigned remaining = counting; remaining; remaining &= remaining - 1) {
                histogram[bins[__builtin_ctz(remaining)]] += 1;
            }
            counted += (size_t)__builtin_popcount(counting);
        }
    }
    *kept = keeping;
    return counted;
}
#endif

size_t gallery_int4_scan(const gallery_scan_query *query, const int64_t *rows, int64_t first, size_t count,
                         float keep_from, int64_t *histogram, int64_t *kept_rows, float *kept_scores, size_t *kept) {
    size_t counted = 0, start = 0;
    *kept = 0;
#if defined(__x86_64__)
    if (instruction_level() == 2) {
        counted = scan_vnni(query, rows, first, count, keep_from, histogram, kept_rows, kept_scores, kept);
        start = count / 16 * 16;
    }
#endif
    return counted + scan_rows(query, rows, first, start, count, keep_from, histogram, kept_rows, kept_scores, kept);
}

/// The nibble of value `position` of `vector` (8, that is 0, past the end).
static inline uint8_t nibble_of(const float *vector, size_t dimension, size_t position, float inverse) {
    if (position >= dimension) return 8;
    float scaled = nearbyintf(vector[position] * inverse);
    scaled = scaled < -7.0f ? -7.0f : scaled > 7.0f ? 7.0f : scaled;
    return (uint8_t)((int)scaled + 8);
}

float gallery_int4_encode(const float *vector, size_t dimension, size_t stride, uint8_t *codes) {
    float largest = 0;
    for (size_t i = 0; i < dimension; i++) largest = fmaxf(largest, fabsf(vector[i]));
    float scale = largest / 7.0f;
    float inverse = scale > 0 ? 1.0f / scale : 0.0f;
    for (size_t block = 0; block < stride; block += 64) {
        size_t first = 2 * block;
        for (size_t offset = 0; offset < 64; offset++) {
            codes[block + offset] = (uint8_t)(nibble_of(vector, dimension, first + offset, inverse) |
                                              (nibble_of(vector, dimension, first + offset + 64, inverse) << 4));
        }
    }
    return scale;
}
