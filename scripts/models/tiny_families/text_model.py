"""Tiny text towers (random, seeded weights) taking what Immich feeds each family's textual model:
`text` (int32 ids, no mask) for OpenCLIP models (SigLIP, SigLIP2, NLLB), `input_ids` and
`attention_mask` for M-CLIP (XLM-R). Pooling as in the real towers: SigLIP's last token, NLLB-CLIP's
first token, M-CLIP's mean over the attention mask."""
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tiny_clip"))
from model import Block  # noqa: E402

WIDTH = 32
EMBED_DIM = 32  # the tiny CLIP's visual tower, shared by every family, gives 32


class TextTower(nn.Module):
    def __init__(self, vocab_size, context_length, pool, seed):
        super().__init__()
        torch.manual_seed(seed)
        self.pool = pool
        self.token_embedding = nn.Embedding(vocab_size, WIDTH)
        self.positional_embedding = nn.Parameter(torch.randn(context_length, WIDTH) * 0.1)
        self.blocks = nn.ModuleList([Block(WIDTH, 2) for _ in range(2)])
        self.ln_final = nn.LayerNorm(WIDTH)
        self.projection = nn.Parameter(torch.randn(WIDTH, EMBED_DIM) * WIDTH ** -0.5)

    def encode(self, ids, mask=None):
        x = self.token_embedding(ids.long()) + self.positional_embedding
        additive = None
        if mask is not None:
            additive = (1.0 - mask.float())[:, None, None, :] * -1e4
        for block in self.blocks:
            x = block(x, additive)
        x = self.ln_final(x)
        if self.pool == "last":
            pooled = x[:, -1]
        elif self.pool == "first":
            pooled = x[:, 0]
        else:
            weights = mask.float()[:, :, None]
            pooled = (x * weights).sum(dim=1) / weights.sum(dim=1)
        y = pooled @ self.projection
        return y / y.norm(dim=-1, keepdim=True)


class TextOnly(nn.Module):
    def __init__(self, tower):
        super().__init__()
        self.tower = tower

    def forward(self, text):
        return self.tower.encode(text)


class WithMask(nn.Module):
    def __init__(self, tower):
        super().__init__()
        self.tower = tower

    def forward(self, input_ids, attention_mask):
        return self.tower.encode(input_ids, attention_mask)
