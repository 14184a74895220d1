"""BERT encoder as in all-MiniLM-L6-v2 (6 layers, 384 wide, 12 heads, GELU), with the
sentence-transformers head inside the graph: mean pooling over the attention mask, then L2
normalisation. Every LayerNorm has a constant normalized shape (needed for ONNX export)."""
import json

import torch
from torch import nn
import torch.nn.functional as F

import safetensors_io


class SelfAttention(nn.Module):
    def __init__(self, hidden, heads):
        super().__init__()
        self.heads = heads
        self.head_dim = hidden // heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)

    def split(self, x):
        n, l, _ = x.shape
        return x.view(n, l, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, additive_mask):
        n, l, h = x.shape
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / (self.head_dim ** 0.5) + additive_mask
        context = torch.matmul(F.softmax(scores, dim=-1), v)
        return context.transpose(1, 2).reshape(n, l, h)


class DenseNorm(nn.Module):
    """`dense` then residual add then `LayerNorm` (BertSelfOutput / BertOutput)."""

    def __init__(self, cin, hidden, eps):
        super().__init__()
        self.dense = nn.Linear(cin, hidden)
        self.LayerNorm = nn.LayerNorm((hidden,), eps=eps)

    def forward(self, x, residual):
        return self.LayerNorm(self.dense(x) + residual)


class Attention(nn.Module):
    def __init__(self, hidden, heads, eps):
        super().__init__()
        self.self = SelfAttention(hidden, heads)
        self.output = DenseNorm(hidden, hidden, eps)

    def forward(self, x, additive_mask):
        return self.output(self.self(x, additive_mask), x)


class Intermediate(nn.Module):
    def __init__(self, hidden, inner):
        super().__init__()
        self.dense = nn.Linear(hidden, inner)

    def forward(self, x):
        return F.gelu(self.dense(x))  # exact (erf) GELU, as config "gelu"


class Layer(nn.Module):
    def __init__(self, hidden, heads, inner, eps):
        super().__init__()
        self.attention = Attention(hidden, heads, eps)
        self.intermediate = Intermediate(hidden, inner)
        self.output = DenseNorm(inner, hidden, eps)

    def forward(self, x, additive_mask):
        a = self.attention(x, additive_mask)
        return self.output(self.intermediate(a), a)


class Encoder(nn.Module):
    def __init__(self, layers, hidden, heads, inner, eps):
        super().__init__()
        self.layer = nn.ModuleList([Layer(hidden, heads, inner, eps) for _ in range(layers)])


class Embeddings(nn.Module):
    def __init__(self, vocab, positions, types, hidden, eps):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, hidden)
        self.position_embeddings = nn.Embedding(positions, hidden)
        self.token_type_embeddings = nn.Embedding(types, hidden)
        self.LayerNorm = nn.LayerNorm((hidden,), eps=eps)
        self.register_buffer("position_ids", torch.arange(positions).unsqueeze(0), persistent=False)

    def forward(self, input_ids, token_type_ids):
        positions = self.position_ids[:, : input_ids.shape[1]]
        x = self.word_embeddings(input_ids) + self.position_embeddings(positions) + self.token_type_embeddings(token_type_ids)
        return self.LayerNorm(x)


class SentenceEncoder(nn.Module):
    """forward(input_ids, attention_mask, token_type_ids) -> embedding [N, hidden], L2-normalised."""

    def __init__(self, config):
        super().__init__()
        hidden, eps = config["hidden_size"], config["layer_norm_eps"]
        self.embeddings = Embeddings(config["vocab_size"], config["max_position_embeddings"], config["type_vocab_size"], hidden, eps)
        self.encoder = Encoder(config["num_hidden_layers"], hidden, config["num_attention_heads"], config["intermediate_size"], eps)

    def forward(self, input_ids, attention_mask, token_type_ids):
        x = self.embeddings(input_ids, token_type_ids)
        mask = attention_mask.to(x.dtype)
        additive = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        for layer in self.encoder.layer:
            x = layer(x, additive)
        weights = mask.unsqueeze(-1)
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return pooled / pooled.norm(p=2, dim=1, keepdim=True).clamp(min=1e-12)


def load_minilm(model_dir):
    with open(f"{model_dir}/config.json") as f:
        config = json.load(f)
    if config.get("hidden_act") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
        raise RuntimeError(f"unexpected BERT config: {config}")
    model = SentenceEncoder(config)
    state = safetensors_io.load(f"{model_dir}/model.safetensors")
    state = {k: v for k, v in state.items() if not k.startswith("pooler.") and k != "embeddings.position_ids"}
    missing, unexpected = model.load_state_dict(state, strict=True)
    if missing or unexpected:
        raise RuntimeError(f"weights do not fit: missing {missing}, unexpected {unexpected}")
    return model.eval()
