"""A tiny CLIP-architecture model (random, seeded weights) for testing the CLIP path.

Same structure as OpenAI CLIP / open_clip's `CLIP` (ViT image tower, causal text transformer
pooled at the end-of-text token, linear projections, L2-normalised outputs as in Immich's
exports), only much narrower.
"""
import torch
from torch import nn

CONFIG = {
    "embed_dim": 32,
    "vision_cfg": {"image_size": 224, "layers": 2, "width": 64, "head_width": 32, "patch_size": 32},
    "text_cfg": {
        "context_length": 77,
        "vocab_size": 49408,
        "width": 64,
        "heads": 2,
        "layers": 2,
        "tokenizer_kwargs": {"clean": "lower"},
    },
}


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class Attention(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.in_proj = nn.Linear(width, 3 * width)
        self.out_proj = nn.Linear(width, width)

    def forward(self, x, mask=None):
        n, length, width = x.shape
        head = width // self.heads
        q, k, v = self.in_proj(x).chunk(3, dim=-1)
        q = q.reshape(n, length, self.heads, head).transpose(1, 2)
        k = k.reshape(n, length, self.heads, head).transpose(1, 2)
        v = v.reshape(n, length, self.heads, head).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-1, -2)) * (head ** -0.5)
        if mask is not None:
            scores = scores + mask
        out = torch.matmul(scores.softmax(dim=-1), v)
        return self.out_proj(out.transpose(1, 2).reshape(n, length, width))


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = Attention(width, heads)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), QuickGELU(), nn.Linear(4 * width, width))

    def forward(self, x, mask=None):
        x = x + self.attn(self.ln_1(x), mask)
        return x + self.mlp(self.ln_2(x))


class Visual(nn.Module):
    def __init__(self, cfg, embed_dim):
        super().__init__()
        width, patch, size = cfg["width"], cfg["patch_size"], cfg["image_size"]
        self.conv1 = nn.Conv2d(3, width, kernel_size=patch, stride=patch, bias=False)
        grid = size // patch
        self.class_embedding = nn.Parameter(torch.randn(width) * width ** -0.5)
        self.positional_embedding = nn.Parameter(torch.randn(grid * grid + 1, width) * width ** -0.5)
        self.ln_pre = nn.LayerNorm(width)
        heads = width // cfg["head_width"]
        self.blocks = nn.ModuleList([Block(width, heads) for _ in range(cfg["layers"])])
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.randn(width, embed_dim) * width ** -0.5)

    def forward(self, image):
        x = self.conv1(image)  # [N, width, grid, grid]
        x = x.flatten(2).transpose(1, 2)  # [N, grid*grid, width]
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.ln_pre(x)
        for block in self.blocks:
            x = block(x)
        return self.ln_post(x[:, 0, :]) @ self.proj


class Textual(nn.Module):
    def __init__(self, cfg, embed_dim):
        super().__init__()
        width, length = cfg["width"], cfg["context_length"]
        self.token_embedding = nn.Embedding(cfg["vocab_size"], width)
        nn.init.normal_(self.token_embedding.weight, std=0.02)
        self.positional_embedding = nn.Parameter(torch.randn(length, width) * 0.01)
        self.blocks = nn.ModuleList([Block(width, cfg["heads"]) for _ in range(cfg["layers"])])
        self.ln_final = nn.LayerNorm(width)
        self.text_projection = nn.Parameter(torch.randn(width, embed_dim) * width ** -0.5)
        mask = torch.full((length, length), float("-inf")).triu(1)
        self.register_buffer("attn_mask", mask, persistent=False)

    def forward(self, text):
        ids = text.long()
        x = self.token_embedding(ids) + self.positional_embedding
        for block in self.blocks:
            x = block(x, self.attn_mask)
        x = self.ln_final(x)
        eot = ids.argmax(dim=-1)  # first end-of-text token (the highest id), as in CLIP
        pooled = x[torch.arange(x.shape[0]), eot]
        return pooled @ self.text_projection


def _randomise_norms(module, generator):
    # LayerNorms start at 1/0; perturb them so the test would notice a missing LayerNorm.
    for m in module.modules():
        if isinstance(m, nn.LayerNorm):
            with torch.no_grad():
                m.weight.add_(torch.randn(m.weight.shape, generator=generator) * 0.1)
                m.bias.add_(torch.randn(m.bias.shape, generator=generator) * 0.1)


class NormalizedImageEncoder(nn.Module):
    def __init__(self, visual):
        super().__init__()
        self.visual = visual

    def forward(self, image):
        x = self.visual(image)
        return x / x.norm(dim=-1, keepdim=True)


class NormalizedTextEncoder(nn.Module):
    def __init__(self, textual):
        super().__init__()
        self.textual = textual

    def forward(self, text):
        x = self.textual(text)
        return x / x.norm(dim=-1, keepdim=True)


def build(seed=20240607):
    torch.manual_seed(seed)
    visual = Visual(CONFIG["vision_cfg"], CONFIG["embed_dim"])
    textual = Textual(CONFIG["text_cfg"], CONFIG["embed_dim"])
    generator = torch.Generator().manual_seed(seed + 1)
    _randomise_norms(visual, generator)
    _randomise_norms(textual, generator)
    return NormalizedImageEncoder(visual).eval(), NormalizedTextEncoder(textual).eval()
