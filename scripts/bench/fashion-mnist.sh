#!/usr/bin/env bash
# Writes the first COUNT Fashion-MNIST training images as PNG files (once, kept under
# .cache/bench) and prints their folder. Usage: scripts/bench/fashion-mnist.sh COUNT
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
count=${1:?usage: fashion-mnist.sh COUNT}
fixtures=$(scripts/fetch-fixtures.sh --all)
folder="$root/.cache/bench/fashion-mnist-$count"
if [ ! -f "$folder/.done" ]; then
    rm -rf "$folder"
    python3 scripts/bench/fashion_mnist_to_png.py "$fixtures/fashion-mnist/train-images-idx3-ubyte.gz" "$folder" "$count" >&2
    touch "$folder/.done"
fi
echo "$folder"
