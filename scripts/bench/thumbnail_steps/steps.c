/* CPU time per photo of each imaging step of `gallery index`, one thread, libvips as the
 * indexer configures it (no operation cache, concurrency 1): the model source decode (shorter
 * side 1440, shrink-on-load), the large (1440) and small (256) thumbnails made the old way
 * (vips_thumbnail_image) and the current way (vips_resize, a picture that fits is shared), and
 * the encoders the thumbnails could use (JPEG as stored, WebP for comparison, both quality 82),
 * with their mean sizes. Usage: steps FOLDER (see scripts/bench/thumbnail-steps.sh). */
#include <dirent.h>
#include <stdio.h>
#include <time.h>
#include <vips/vips.h>

enum { DECODE, LARGE_THUMBNAIL_IMAGE, LARGE_RESIZE, SMALL_THUMBNAIL_IMAGE, SMALL_RESIZE, JPEG_LARGE, JPEG_SMALL,
    WEBP_LARGE, WEBP_SMALL, STEPS };
static const char *names[STEPS] = {"model source decode (short side 1440)", "large, vips_thumbnail_image (before)",
    "large, vips_resize, fitting shared (now)", "small from large, vips_thumbnail_image (before)",
    "small from large, vips_resize (now)", "JPEG q82 large", "JPEG q82 small", "WebP q82 large", "WebP q82 small"};
static double seconds[STEPS];
static size_t bytes[STEPS];

static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain, (void)level, (void)message, (void)data;
}

static double cpu(void) {
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec * 1e-9;
}

static VipsImage *in_memory(VipsImage *image) {
    VipsImage *copy = vips_image_copy_memory(image);
    g_object_unref(image);
    return copy;
}

static VipsImage *thumbnail_image(VipsImage *in, int side, int step) {
    double start = cpu();
    VipsImage *out = NULL;
    vips_thumbnail_image(in, &out, side, "height", side, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
    out = in_memory(out);
    seconds[step] += cpu() - start;
    return out;
}

static VipsImage *resize(VipsImage *in, int side, int step) {
    double start = cpu();
    int longest = VIPS_MAX(in->Xsize, in->Ysize);
    VipsImage *out = in;
    if (longest <= side) {
        g_object_ref(in);
    } else {
        vips_resize(in, &out, (double)side / longest, NULL);
        out = in_memory(out);
    }
    seconds[step] += cpu() - start;
    return out;
}

static void encode(VipsImage *image, int webp, int step) {
    double start = cpu();
    void *buffer = NULL;
    size_t length = 0;
    if (webp) {
        vips_webpsave_buffer(image, &buffer, &length, "Q", 82, "strip", TRUE, NULL);
    } else {
        VipsImage *flat = image;
        if (image->Bands == 4) vips_flatten(image, &flat, NULL); else g_object_ref(flat);
        vips_jpegsave_buffer(flat, &buffer, &length, "Q", 82, "strip", TRUE, NULL);
        g_object_unref(flat);
    }
    seconds[step] += cpu() - start;
    bytes[step] += length;
    g_free(buffer);
}

int main(int argc, char **argv) {
    if (argc != 2 || VIPS_INIT(argv[0])) return 2;
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, quiet, NULL); /* loader warnings (ICC profiles) */
    DIR *folder = opendir(argv[1]);
    if (folder == NULL) return 2;
    int photos = 0;
    for (struct dirent *entry; (entry = readdir(folder)) != NULL;) {
        if (entry->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        gchar *data = NULL;
        gsize length = 0;
        if (!g_file_get_contents(path, &data, &length, NULL)) continue;
        VipsImage *header = vips_image_new_from_buffer(data, length, "", NULL);
        if (header == NULL) { g_free(data); continue; }
        int tall = header->Xsize <= header->Ysize;
        g_object_unref(header);
        double start = cpu();
        VipsImage *source = NULL;
        vips_thumbnail_buffer(data, length, &source, tall ? 1440 : 10000000, "height", tall ? 10000000 : 1440,
            "size", VIPS_SIZE_DOWN, NULL);
        source = in_memory(source);
        seconds[DECODE] += cpu() - start;
        g_object_unref(thumbnail_image(source, 1440, LARGE_THUMBNAIL_IMAGE));
        VipsImage *large = resize(source, 1440, LARGE_RESIZE);
        g_object_unref(thumbnail_image(large, 256, SMALL_THUMBNAIL_IMAGE));
        VipsImage *small = resize(large, 256, SMALL_RESIZE);
        encode(large, 0, JPEG_LARGE);
        encode(small, 0, JPEG_SMALL);
        encode(large, 1, WEBP_LARGE);
        encode(small, 1, WEBP_SMALL);
        g_object_unref(small);
        g_object_unref(large);
        g_object_unref(source);
        g_free(data);
        photos++;
    }
    closedir(folder);
    printf("%d photos, CPU ms per photo (one thread):\n", photos);
    for (int step = 0; step < STEPS; step++) {
        printf("  %-48s %6.2f", names[step], seconds[step] * 1000 / photos);
        if (bytes[step] > 0) printf("   %6.1f KiB per photo", bytes[step] / 1024.0 / photos);
        printf("\n");
    }
    return 0;
}
