#!/usr/bin/env python3
"""Writes the first N Fashion-MNIST images (idx format, gzip) as 28x28 greyscale PNG files.

Benchmark data only (volume): python3 standard library, no imaging package needed.
Usage: fashion_mnist_to_png.py IDX_GZ OUT_DIR COUNT
"""
import gzip
import os
import struct
import sys
import zlib


def png_bytes(width, height, pixels):
    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def main():
    source, out_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with gzip.open(source, "rb") as f:
        magic, total, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 2051:
            sys.exit(f"{source}: not an idx image file")
        for index in range(min(count, total)):
            pixels = f.read(rows * cols)
            folder = os.path.join(out_dir, f"{index // 1000:03d}")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"fmnist-{index:05d}.png"), "wb") as out:
                out.write(png_bytes(cols, rows, pixels))


if __name__ == "__main__":
    main()
