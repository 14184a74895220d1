#!/usr/bin/env bash
# Benchmark: indexing the same photos from a folder and from an S3 prefix (a SeaweedFS server
# started here, on loopback): a first run (every file read, thumbnails made) and a second,
# unchanged one (the folder: a crawl; the bucket: a paged listing, nothing downloaded), without
# embeddings, faces or OCR so that the reading path is what differs. Prints wall seconds, files/s
# and the read+hash stage seconds of each run.
# Usage: scripts/bench/bucket-index.sh [COUNT (default 1000 Fashion-MNIST PNGs)]  (BUILD=debug to skip the release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/setup.sh
count=${1:-1000}
config=${BUILD:-release}
fixtures=$(scripts/fetch-fixtures.sh --all)
scripts/quiet-build.sh -c "$config" --product gallery
gallery="$(swift build -c "$config" --show-bin-path)/gallery"
venv=$(scripts/s3/setup.sh)

photos="$root/.cache/bench/fashion-mnist-$count"
if [ ! -f "$photos/.done" ]; then
    rm -rf "$photos"
    python3 scripts/bench/fashion_mnist_to_png.py "$fixtures/fashion-mnist/train-images-idx3-ubyte.gz" "$photos" "$count"
    touch "$photos/.done"
fi

work=$(mktemp -d -t gallery-bucket-bench.XXXXXX)
cleanup() {
    scripts/s3/seaweedfs.sh stop "$work/s3"
    rm -rf "$work"
}
trap cleanup EXIT
export AWS_ACCESS_KEY_ID=bench-key AWS_SECRET_ACCESS_KEY="bench-$RANDOM$RANDOM"
endpoint=$(scripts/s3/seaweedfs.sh start "$work/s3" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY")
"$venv/bin/python" - "$endpoint" "$photos" <<'PY'
import os, sys, botocore.session
client = botocore.session.get_session().create_client("s3", region_name="us-east-1", endpoint_url=sys.argv[1])
client.create_bucket(Bucket="bench")
for root, _, names in os.walk(sys.argv[2]):
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            client.put_object(Bucket="bench", Key="photos/" + os.path.relpath(path, sys.argv[2]), Body=f.read())
PY

report() { # NAME JSON
    python3 - "$1" "$2" <<'PY'
import json, sys
name, data = sys.argv[1], json.loads(sys.argv[2])
c = data["counts"]
print(f"{name:<28} files {c['discovered']:>6}  added {c['added']:>6}  unchanged {c['unchanged']:>6}  failed {c['failed']:>4}  "
      f"wall {data['seconds']:7.2f} s  {data['files_per_second']:8.1f} files/s  read+hash {data['stage_seconds']['read_and_hash']:6.2f} s")
PY
}

echo "Smart Gallery bucket-index benchmark: $(nproc) cores, $config build, $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $count PNGs, SeaweedFS on loopback"
for source in folder bucket; do
    home="$work/home-$source"
    path=$photos
    [ "$source" = bucket ] && path=s3://bench/photos
    for run in first unchanged; do
        json=$(GALLERY_HOME="$home" "$gallery" index "$path" --s3-endpoint "$endpoint" --no-embed --no-faces --no-ocr --json 2>/dev/null)
        report "$source, $run run" "$json"
    done
done
