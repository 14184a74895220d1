#ifndef GALLERY_VECTOR_KERNELS_H
#define GALLERY_VECTOR_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The first pass of a vector search over 4-bit rows: approximate cosines, the histogram of
/// those that pass the filters, and the rows worth a closer look.
///
/// A row is `stride` bytes (a multiple of 64): each 64-byte block holds 128 values, the low
/// nibbles the first 64 and the high nibbles the next 64, each nibble the value plus 8 (padding
/// nibbles are 8, that is 0). The row's cosine is its integer dot product with the query times
/// `scales[row] * query_scale`.
typedef struct {
    const uint8_t *codes;
    size_t stride;
    const float *scales;
    /// The collection of each row; rows of other collections are skipped.
    const int64_t *collections;
    int64_t collection;
    /// A row left out (-1 for none).
    int64_t excluded_row;
    /// `2 * stride` signed bytes in the rows' order (padding 0).
    const int8_t *query;
    /// 8 times the sum of the query's values.
    int32_t bias;
    float query_scale;
    /// Rows below this cosine are not counted.
    float min_score;
} gallery_scan_query;

/// Scans `count` rows (`rows[i]` when `rows` is given, else `first + i`): each row that passes
/// the collection, the excluded row and the minimum score adds one to
/// `histogram[bin]` (bin = floor((cosine + 1) * 1024), clamped to [0, 2048], as
/// ScoreHistogram.bin); each row whose cosine is `keep_from` or more (whether or not it passes the
/// minimum score) is written to `kept_rows` and `kept_scores` (room for `count`).
/// Uses AVX-512 VNNI where the processor has it (16 rows at a time, fetched ahead, their
/// filters, scores and bins in vectors too), else a loop the compiler vectorises; both give the
/// same results.
/// - Returns: how many rows were counted in the histogram; `*kept` is set to how many were kept.
size_t gallery_int4_scan(const gallery_scan_query *query, const int64_t *rows, int64_t first, size_t count,
                         float keep_from, int64_t *histogram, int64_t *kept_rows, float *kept_scores, size_t *kept);

/// Writes the 4-bit codes of one `dimension`-value vector to `codes` (`stride` bytes, the
/// layout above): each value `round(v / scale)` clamped to -7...7, plus 8, with `scale` the
/// vector's largest magnitude over 7 (ties round to even).
/// - Returns: the scale (0 for a vector of zeros, whose nibbles are then all 8).
float gallery_int4_encode(const float *vector, size_t dimension, size_t stride, uint8_t *codes);

#endif
