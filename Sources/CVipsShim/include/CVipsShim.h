#ifndef CVIPSSHIM_H
#define CVIPSSHIM_H

#include <stddef.h>
#include <stdint.h>

/// Fixed-argument wrappers over libvips' variadic API, which Swift cannot call.
///
/// Images are opaque `SGImage` handles (a `VipsImage`); every handle a function returns is owned
/// by the caller and released with `sg_image_unref`. Functions that fail return NULL or -1 and
/// leave a message for `sg_error_take`.

typedef struct _VipsImage SGImage;

/// The loaders the shim admits. Each maps to one libvips format-specific loader.
typedef enum {
    SG_LOADER_JPEG = 0,
    SG_LOADER_PNG = 1,
    SG_LOADER_WEBP = 2,
    SG_LOADER_GIF = 3,
    SG_LOADER_TIFF = 4,
    SG_LOADER_BMP = 5,
    SG_LOADER_HEIF = 6,
} SGLoader;

/// Starts libvips once per process (thread-safe): no operation cache, one worker thread per
/// pipeline. Returns 0 on success.
int sg_init(void);

/// Opens `data` with the loader for `loader` and reads its header only (pixels stay undecoded).
/// The image refers to `data`, which must outlive it. First frame or page only; fails on errors.
SGImage *sg_load_header(const void *data, size_t length, SGLoader loader);

/// Whether libvips' own content sniffing would hand `data` to the loader for `loader`.
int sg_loader_matches(const void *data, size_t length, SGLoader loader);

/// Decodes `data` shrunk on load to fit a `width` x `height` box (upright; never upscaling),
/// applies the orientation, converts to 8-bit sRGB (keeping alpha) and returns it in memory.
SGImage *sg_thumbnail_buffer(const void *data, size_t length, int width, int height);

/// Like `sg_thumbnail_buffer` for HEIF/AVIF, decoding with libheif directly: Debian's libvips 8.14
/// heifload fails on some valid files (Sony `.hif`, rotated grids: "bad image dimensions").
SGImage *sg_heif_thumbnail(const void *data, size_t length, int width, int height);

/// Shrinks an in-memory image so that neither side exceeds `max_side` (never upscaling) and
/// returns the result in memory (Lanczos-3, alpha premultiplied); an image that already fits
/// comes back as a new reference to itself, not a copy.
SGImage *sg_thumbnail_image(SGImage *image, int max_side);

/// Saves as baseline JPEG without metadata, alpha flattened on white. Free `*out` with `sg_free`.
int sg_jpeg_save(SGImage *image, int quality, void **out, size_t *out_length);

/// Saves as lossy WebP without metadata. Free `*out` with `sg_free`.
int sg_webp_save(SGImage *image, int quality, void **out, size_t *out_length);

/// Interleaved 8-bit RGB, alpha flattened on white. Free the result with `sg_free`.
void *sg_rgb_bytes(SGImage *image, size_t *out_length);

/// The interleaved 8-bit pixels of `image` (`sg_image_bands` per pixel, row-major, no padding):
/// its own buffer when it is held in memory (`*copied` 0; valid while the image lives), else a
/// copy (`*copied` 1; free it with `sg_free`). NULL when libvips fails.
const uint8_t *sg_image_pixels(SGImage *image, int *copied);

/// The area `left, top, width, height` of an image (clamped to it), alpha flattened on white, resized
/// by `scale` (up or down, linear kernel) and returned in memory as 3 bands. For face detection passes.
SGImage *sg_crop_scaled(SGImage *image, int left, int top, int width, int height, double scale);
/// A `width` x `height` 3-band image sampled from `image` (alpha flattened on white) at the source
/// coordinates `coordinates` gives per output pixel (interleaved x, y, row-major; pixel centres at
/// integer positions), bicubic, edges replicated. For the text-line strips of OCR.
SGImage *sg_map_coordinates(SGImage *image, const float *coordinates, int width, int height);
/// The image turned clockwise by `quarter_turns` x 90 degrees, in memory.
SGImage *sg_rotate(SGImage *image, int quarter_turns);
/// A 3-band image made from interleaved 8-bit RGB pixels (`width * height * 3` bytes, copied).
SGImage *sg_image_from_rgb(const void *rgb, int width, int height);
/// A metadata blob such as "exif-data", "xmp-data" or "iptc-data", or NULL. Owned by the image.
const void *sg_image_blob(SGImage *image, const char *name, size_t *out_length);

int sg_image_width(SGImage *image);
int sg_image_height(SGImage *image);
int sg_image_bands(SGImage *image);
/// The orientation libvips will apply when autorotating (1...8; 1 when none is pending).
int sg_image_orientation(SGImage *image);

void sg_image_unref(SGImage *image);
void sg_free(void *pointer);

/// Takes libvips' accumulated error text (a new string, free with `sg_free`; NULL if none) and
/// clears it.
char *sg_error_take(void);

#endif
