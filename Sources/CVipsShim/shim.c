#include "CVipsShim.h"

#include <libheif/heif.h>
#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static int sg_init_result = -1;
static pthread_once_t sg_init_once = PTHREAD_ONCE_INIT;

static void sg_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

static void sg_init_body(void) {
    /* Loader warnings (unknown TIFF tags, ignored colour profiles...) would flood stderr; real
     * failures still arrive through the error buffer because loaders run with fail_on=error. */
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, sg_quiet, NULL);
    sg_init_result = VIPS_INIT("smart-gallery");
    if (sg_init_result == 0) {
        /* Buffers are keyed by address in the operation cache: a freed and reused buffer could
         * return a stale image. We also parallelise across files ourselves. */
        vips_cache_set_max(0);
        vips_concurrency_set(1);
    }
}

int sg_init(void) {
    pthread_once(&sg_init_once, sg_init_body);
    return sg_init_result;
}

SGImage *sg_load_header(const void *data, size_t length, SGLoader loader) {
    void *buf = (void *)data;
    VipsImage *out = NULL;
    int result = -1;
    switch (loader) {
    case SG_LOADER_JPEG:
        result = vips_jpegload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case SG_LOADER_PNG:
        result = vips_pngload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case SG_LOADER_WEBP:
        result = vips_webpload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case SG_LOADER_GIF:
        result = vips_gifload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case SG_LOADER_TIFF:
        result = vips_tiffload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case SG_LOADER_BMP:
        result = vips_magickload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    case SG_LOADER_HEIF:
        result = vips_heifload_buffer(buf, length, &out, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
        break;
    }
    if (result != 0) return NULL;
    /* Some loaders (heifload probing past the end of its source) leave messages behind even on
     * success; the buffer is bounded, so stale text would crowd out later, real errors. */
    vips_error_clear();
    return out;
}

static const char *sg_loader_class(SGLoader loader) {
    switch (loader) {
    case SG_LOADER_JPEG: return "VipsForeignLoadJpegBuffer";
    case SG_LOADER_PNG: return "VipsForeignLoadPngBuffer";
    case SG_LOADER_WEBP: return "VipsForeignLoadWebpBuffer";
    case SG_LOADER_GIF: return "VipsForeignLoadNsgifBuffer";
    case SG_LOADER_TIFF: return "VipsForeignLoadTiffBuffer";
    case SG_LOADER_BMP: return "VipsForeignLoadMagickBuffer";
    case SG_LOADER_HEIF: return "VipsForeignLoadHeifBuffer";
    }
    return "";
}

int sg_loader_matches(const void *data, size_t length, SGLoader loader) {
    const char *name = vips_foreign_find_load_buffer(data, length);
    if (name == NULL) {
        vips_error_clear();
        return 0;
    }
    return strcmp(name, sg_loader_class(loader)) == 0;
}

/* Releases `in` and returns `*out` when `result` is success, else NULL. `out` is passed by
 * address and read here, after the operation in the argument list has written it. */
static VipsImage *sg_step(VipsImage *in, int result, VipsImage **out) {
    g_object_unref(in);
    return result == 0 ? *out : NULL;
}

/* 8-bit sRGB with at most one alpha band, decoded into memory. Takes ownership of `in`. */
static VipsImage *sg_normalize(VipsImage *in) {
    VipsImage *out = NULL;
    if (in->Bands < 3 && in->Type != VIPS_INTERPRETATION_B_W && in->Type != VIPS_INTERPRETATION_GREY16) {
        VipsInterpretation grey = in->BandFmt == VIPS_FORMAT_USHORT ? VIPS_INTERPRETATION_GREY16
                                                                    : VIPS_INTERPRETATION_B_W;
        in = sg_step(in, vips_copy(in, &out, "interpretation", grey, NULL), &out);
        if (in == NULL) return NULL;
    }
    if (in->Type != VIPS_INTERPRETATION_sRGB) {
        in = sg_step(in, vips_colourspace(in, &out, VIPS_INTERPRETATION_sRGB, NULL), &out);
        if (in == NULL) return NULL;
    }
    if (in->BandFmt != VIPS_FORMAT_UCHAR) {
        in = sg_step(in, vips_cast_uchar(in, &out, NULL), &out);
        if (in == NULL) return NULL;
    }
    if (in->Bands > 4) {
        in = sg_step(in, vips_extract_band(in, &out, 0, "n", 4, NULL), &out);
        if (in == NULL) return NULL;
    }
    out = vips_image_copy_memory(in);
    g_object_unref(in);
    return out;
}

SGImage *sg_thumbnail_buffer(const void *data, size_t length, int width, int height) {
    VipsImage *thumb = NULL;
    if (vips_thumbnail_buffer((void *)data, length, &thumb, width,
            "height", height, "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", NULL)) {
        return NULL;
    }
    return sg_normalize(thumb);
}

/* Decodes the primary HEIF/AVIF image with libheif (transformations applied) into a new
 * in-memory 8-bit sRGB image, or NULL with the reason in the error buffer. */
static VipsImage *sg_heif_decode(const void *data, size_t length) {
    VipsImage *out = NULL;
    struct heif_image_handle *handle = NULL;
    struct heif_image *image = NULL;
    struct heif_context *context = heif_context_alloc();
    struct heif_error error = heif_context_read_from_memory_without_copy(context, data, length, NULL);
    if (error.code == heif_error_Ok) error = heif_context_get_primary_image_handle(context, &handle);
    int alpha = handle != NULL && heif_image_handle_has_alpha_channel(handle);
    if (error.code == heif_error_Ok) {
        error = heif_decode_image(handle, &image, heif_colorspace_RGB,
            alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, NULL);
    }
    if (error.code != heif_error_Ok) {
        vips_error("heif", "%s", error.message);
    } else {
        int stride = 0;
        int bands = alpha ? 4 : 3;
        int width = heif_image_get_width(image, heif_channel_interleaved);
        int height = heif_image_get_height(image, heif_channel_interleaved);
        const uint8_t *pixels = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride);
        out = vips_image_new_memory();
        vips_image_init_fields(out, width, height, bands, VIPS_FORMAT_UCHAR, VIPS_CODING_NONE,
            VIPS_INTERPRETATION_sRGB, 1.0, 1.0);
        int failed = pixels == NULL || width <= 0 || height <= 0 || vips_image_write_prepare(out);
        for (int y = 0; !failed && y < height; y++) {
            failed = vips_image_write_line(out, y, (VipsPel *)(pixels + (size_t)y * stride));
        }
        if (failed) {
            vips_error("heif", "could not copy the decoded image");
            g_object_unref(out);
            out = NULL;
        }
    }
    if (image != NULL) heif_image_release(image);
    if (handle != NULL) heif_image_handle_release(handle);
    heif_context_free(context);
    return out;
}

SGImage *sg_heif_thumbnail(const void *data, size_t length, int width, int height) {
    VipsImage *full = sg_heif_decode(data, length);
    if (full == NULL) return NULL;
    VipsImage *thumb = NULL;
    int result = vips_thumbnail_image(full, &thumb, width,
        "height", height, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
    g_object_unref(full);
    return result == 0 ? sg_normalize(thumb) : NULL;
}

/* Resizes to exactly `width` x `height` with libvips' Lanczos-3 (box-shrinking first where the
 * factor allows), alpha premultiplied meanwhile so transparent pixels do not bleed: the resize
 * vips_thumbnail_image makes, without its loader and colour-management steps. */
static VipsImage *sg_resize_exact(VipsImage *image, int width, int height) {
    VipsImage *in = image, *premultiplied = NULL, *resized = NULL, *out = NULL;
    int alpha = image->Bands == 2 || image->Bands == 4;
    if (alpha) {
        if (vips_premultiply(image, &premultiplied, NULL)) return NULL;
        in = premultiplied;
    }
    int result = vips_resize(in, &resized, (double)width / image->Xsize,
        "vscale", (double)height / image->Ysize, NULL);
    if (premultiplied != NULL) g_object_unref(premultiplied);
    if (result) return NULL;
    if (alpha) {
        VipsImage *straight = NULL;
        resized = sg_step(resized, vips_unpremultiply(resized, &straight, NULL), &straight);
        if (resized == NULL) return NULL;
        resized = sg_step(resized, vips_cast_uchar(resized, &out, NULL), &out);
        if (resized == NULL) return NULL;
    }
    out = vips_image_copy_memory(resized);
    g_object_unref(resized);
    return out;
}

SGImage *sg_thumbnail_image(SGImage *image, int max_side) {
    int width = image->Xsize, height = image->Ysize;
    if (width <= max_side && height <= max_side) {
        /* Already small enough: the same pixels, shared (images are immutable once made). */
        g_object_ref(image);
        return image;
    }
    /* The longer side becomes `max_side`, the shorter one in proportion (rounded), as
     * vips_thumbnail_image sizes it. */
    if (width >= height) {
        height = VIPS_MAX(1, (int)VIPS_RINT((double)height * max_side / width));
        width = max_side;
    } else {
        width = VIPS_MAX(1, (int)VIPS_RINT((double)width * max_side / height));
        height = max_side;
    }
    return sg_resize_exact(image, width, height);
}

/* A new reference to `image` with any alpha flattened on white. */
static VipsImage *sg_flatten(VipsImage *image) {
    if (image->Bands != 2 && image->Bands != 4) {
        g_object_ref(image);
        return image;
    }
    VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
    VipsImage *flat = NULL;
    int result = vips_flatten(image, &flat, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    if (result) return NULL;
    if (flat->BandFmt == VIPS_FORMAT_UCHAR) return flat;
    VipsImage *out = NULL;
    return sg_step(flat, vips_cast_uchar(flat, &out, NULL), &out);
}

int sg_jpeg_save(SGImage *image, int quality, void **out, size_t *out_length) {
    VipsImage *flat = sg_flatten(image);
    if (flat == NULL) return -1;
    int result = vips_jpegsave_buffer(flat, out, out_length, "Q", quality, "strip", TRUE, NULL);
    g_object_unref(flat);
    return result;
}

int sg_webp_save(SGImage *image, int quality, void **out, size_t *out_length) {
    return vips_webpsave_buffer(image, out, out_length, "Q", quality, "strip", TRUE, NULL);
}

void *sg_rgb_bytes(SGImage *image, size_t *out_length) {
    VipsImage *flat = sg_flatten(image);
    if (flat == NULL) return NULL;
    void *bytes = vips_image_write_to_memory(flat, out_length);
    g_object_unref(flat);
    return bytes;
}

const uint8_t *sg_image_pixels(SGImage *image, int *copied) {
    *copied = 0;
    if (image->BandFmt != VIPS_FORMAT_UCHAR) return NULL;
    if ((image->dtype == VIPS_IMAGE_SETBUF || image->dtype == VIPS_IMAGE_SETBUF_FOREIGN) && image->data != NULL) {
        return (const uint8_t *)image->data;
    }
    size_t length = 0;
    *copied = 1;
    return vips_image_write_to_memory(image, &length);
}

SGImage *sg_crop_scaled(SGImage *image, int left, int top, int width, int height, double scale) {
    int image_width = vips_image_get_width(image), image_height = vips_image_get_height(image);
    if (left < 0) { width += left; left = 0; }
    if (top < 0) { height += top; top = 0; }
    if (left + width > image_width) width = image_width - left;
    if (top + height > image_height) height = image_height - top;
    if (width <= 0 || height <= 0 || scale <= 0) {
        vips_error("sg_crop_scaled", "empty area");
        return NULL;
    }
    VipsImage *area = NULL;
    if (vips_extract_area(image, &area, left, top, width, height, NULL)) return NULL;
    VipsImage *flat = sg_flatten(area);
    g_object_unref(area);
    if (flat == NULL) return NULL;
    VipsImage *resized = NULL;
    int result = vips_resize(flat, &resized, scale, "kernel", VIPS_KERNEL_LINEAR, NULL);
    g_object_unref(flat);
    if (result) return NULL;
    VipsImage *out = vips_image_copy_memory(resized);
    g_object_unref(resized);
    return out;
}

SGImage *sg_map_coordinates(SGImage *image, const float *coordinates, int width, int height) {
    if (width <= 0 || height <= 0) {
        vips_error("sg_map_coordinates", "empty output");
        return NULL;
    }
    VipsImage *index = vips_image_new_from_memory_copy(coordinates, (size_t)width * height * 2 * sizeof(float), width, height, 2,
                                                       VIPS_FORMAT_FLOAT);
    if (index == NULL) return NULL;
    VipsImage *flat = sg_flatten(image);
    if (flat == NULL) {
        g_object_unref(index);
        return NULL;
    }
    VipsInterpolate *bicubic = vips_interpolate_new("bicubic");
    VipsImage *mapped = NULL;
    int result = vips_mapim(flat, &mapped, index, "interpolate", bicubic, "extend", VIPS_EXTEND_COPY, NULL);
    g_object_unref(bicubic);
    g_object_unref(flat);
    g_object_unref(index);
    if (result) return NULL;
    VipsImage *out = vips_image_copy_memory(mapped);
    g_object_unref(mapped);
    return out;
}

SGImage *sg_rotate(SGImage *image, int quarter_turns) {
    static const VipsAngle angles[4] = {VIPS_ANGLE_D0, VIPS_ANGLE_D90, VIPS_ANGLE_D180, VIPS_ANGLE_D270};
    VipsImage *rotated = NULL;
    if (vips_rot(image, &rotated, angles[((quarter_turns % 4) + 4) % 4], NULL)) return NULL;
    VipsImage *out = vips_image_copy_memory(rotated);
    g_object_unref(rotated);
    return out;
}

SGImage *sg_image_from_rgb(const void *rgb, int width, int height) {
    VipsImage *image = vips_image_new_from_memory_copy(rgb, (size_t)width * height * 3, width, height, 3, VIPS_FORMAT_UCHAR);
    if (image == NULL) return NULL;
    image->Type = VIPS_INTERPRETATION_sRGB;
    return image;
}

const void *sg_image_blob(SGImage *image, const char *name, size_t *out_length) {
    const void *data = NULL;
    *out_length = 0;
    if (vips_image_get_typeof(image, name) == 0) return NULL;
    if (vips_image_get_blob(image, name, &data, out_length)) {
        vips_error_clear();
        *out_length = 0;
        return NULL;
    }
    return data;
}

int sg_image_width(SGImage *image) { return vips_image_get_width(image); }
int sg_image_height(SGImage *image) { return vips_image_get_height(image); }
int sg_image_bands(SGImage *image) { return vips_image_get_bands(image); }
int sg_image_orientation(SGImage *image) { return vips_image_get_orientation(image); }

void sg_image_unref(SGImage *image) {
    if (image != NULL) g_object_unref(image);
}

void sg_free(void *pointer) { g_free(pointer); }

char *sg_error_take(void) {
    char *text = vips_error_buffer_copy();
    if (text != NULL && text[0] == '\0') {
        g_free(text);
        return NULL;
    }
    return text;
}
