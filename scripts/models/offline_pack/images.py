"""Reference image preprocessing for the offline pack (Pillow), as recorded in manifest.json:
RGB; resize the shorter side to 256 = 224 / 0.875 (longer side int(long * 256 / short), as
torchvision does) with PIL bicubic; centre crop 224 (offset round((side - 224) / 2)); then
(x / 255 - 127/255) / (128/255) = (x - 127) / 128, channel-major."""
import numpy as np
from PIL import Image

SIZE = 224
CROP_FRACTION = 0.875
MEAN = [127.0 / 255.0] * 3
STD = [128.0 / 255.0] * 3
RESIZE_DESCRIPTION = (
    "PIL 13: Image.convert('RGB'); short side -> round(224/0.875)=256, long side -> int(long*256/short); "
    "Image.resize(..., Image.BICUBIC) (PIL's antialiased bicubic, a=-0.5); centre crop 224 at "
    "left=int(round((w-224)/2)), top=int(round((h-224)/2)); x -> (x - 127) / 128; CHW float32"
)


def preprocess(path):
    image = Image.open(path).convert("RGB")
    w, h = image.size
    short = round(SIZE / CROP_FRACTION)
    if w <= h:
        nw, nh = short, int(h * short / w)
    else:
        nw, nh = int(w * short / h), short
    image = image.resize((nw, nh), Image.BICUBIC)
    left, top = int(round((nw - SIZE) / 2.0)), int(round((nh - SIZE) / 2.0))
    image = image.crop((left, top, left + SIZE, top + SIZE))
    x = np.asarray(image, dtype=np.float32)
    x = (x / 255.0 - np.float32(MEAN[0])) / np.float32(STD[0])
    return np.ascontiguousarray(x.transpose(2, 0, 1))
