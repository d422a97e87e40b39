"""Generates model.pt: a tiny, random TorchScript stand-in for an exported sentence-transformers model.

Same interface as an exported all-mpnet-base-v2 (TorchScript): forward(input_ids, attention_mask) -> last hidden
state [batch, tokens, dim]. It lets PyTorchTextEncoderTest load a real TorchScript file through the
production code path offline, in milliseconds. Its vectors carry no meaning.

    python make_tiny_model.py   # writes model.pt next to this file (committed; regenerate only if needed)
"""
import os

import torch


class TinyEncoder(torch.nn.Module):
    def __init__(self, buckets: int = 1024, dim: int = 32):
        super().__init__()
        self.buckets = buckets
        self.embed = torch.nn.Embedding(buckets, dim)
        self.mix = torch.nn.Linear(dim, dim)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.embed(input_ids % self.buckets)
        # Cheap sequence context so a token's vector depends on its neighbours, like a transformer's.
        context = (hidden * attention_mask.unsqueeze(-1)).sum(1, keepdim=True) / attention_mask.sum(1, keepdim=True).unsqueeze(-1)
        return torch.tanh(self.mix(hidden + 0.5 * context))


if __name__ == "__main__":
    torch.manual_seed(42)
    model = TinyEncoder().eval()
    ids = torch.tensor([[101, 7592, 2088, 102]], dtype=torch.long)
    mask = torch.ones_like(ids)
    traced = torch.jit.script(model)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.pt")
    traced.save(out)
    print("wrote", out, traced(ids, mask).shape)
