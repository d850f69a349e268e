"""Sentence embeddings with all-MiniLM-L6-v2, computed by onnxruntime or a small numpy implementation.

The model is a 6-layer BERT (384 wide, 12 heads) followed by mean pooling and L2 normalisation, as
sentence-transformers runs it. onnxruntime runs it (`bot/core/encoder_onnx.py`) in integer arithmetic,
about three times as fast; the float32 arithmetic in numpy (`NumpyBert`) runs it where onnxruntime is
not installed, and for a model folder that holds only the reference weights. No torch. The Hugging Face
`tokenizers` library splits words into its WordPiece vocabulary exactly as the reference does.

A model folder holds `tokenizer.json` and either the reference `model.safetensors` (float32) or the
shipped `encoder-int8.safetensors` (the same weights as int8 with one float32 scale per row, made by
`scripts/convert_minilm.py`) with, for onnxruntime, `encoder-int8.onnx`: the graph, whose tensors are
read from that file (`scripts/onnx_encoder.py`). Every file is checked against pinned sha256 digests
before it is read: the thresholds were calibrated on this model, so a different or damaged file is
refused, not used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

SHIPPED_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "all-MiniLM-L6-v2"
TOKENIZER_FILE = "tokenizer.json"
ONNX_GRAPH = "encoder-int8.onnx"  # the encoder's graph for onnxruntime, reading the shipped weights file
WEIGHT_FILES = ("encoder-int8.safetensors", "model.safetensors")  # shipped first, then the reference
PINNED_SHA256 = {
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "encoder-int8.safetensors": "63c717b1422bb6dd33384702551b072d3ec3902bd99c382d125f9db4fd2a8673",
    "encoder-int8.onnx": "8dd116bf195969d03b4de8fe3da9b21bcae64cb38385b1f80fa2deebc00204c2",
}
LAYERS = 6
HEADS = 12
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
LAYER_NORM_EPS = 1e-12
SCALE_SUFFIX = ".scale"  # an int8 tensor's per-row float32 scales are stored beside it under this suffix


class ModelRefused(Exception):
    """The embedding model folder is missing a file, or a file is not the one the bot was calibrated on."""


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (384, 3*384): query, key and value projections side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified(folder: Path, name: str) -> Path:
    """`folder/name`, after checking its sha256 against the pinned one; ModelRefused otherwise."""
    path = folder / name
    if not path.is_file():
        raise ModelRefused(f"embedding model {folder}: {name} is missing")
    found = file_sha256(path)
    if found != PINNED_SHA256[name]:
        raise ModelRefused(
            f"embedding model {folder}: {name} has sha256 {found}, expected {PINNED_SHA256[name]} "
            "(all-MiniLM-L6-v2); refusing a file the bot was not calibrated on"
        )
    return path


def model_weights(folder: Path) -> Path:
    """The folder's weight file (shipped int8 or reference float32), verified."""
    for name in WEIGHT_FILES:
        if (folder / name).is_file():
            return verified(folder, name)
    raise ModelRefused(f"embedding model {folder}: no {' or '.join(WEIGHT_FILES)} in it")


class SentenceEncoder:
    """Text in, unit-length 384-dimensional vectors out; cosine similarity is then a dot product.

    `runtime`: "onnx" (onnxruntime, in integer arithmetic: about three times as fast, README "Measured
    figures") or "numpy" (float32); by default onnxruntime when it is installed and the folder holds the
    shipped encoder's graph, numpy otherwise (the reference float32 weights, or a platform without
    onnxruntime). Their cosines agree within a hundredth, 0.002 on average (`scripts/onnx_encoder.py`).
    """

    def __init__(
        self,
        folder: Path = SHIPPED_MODEL_DIR,
        runtime: Literal["onnx", "numpy"] | None = None,
        threads: int = 1,
    ):
        from threadpoolctl import threadpool_limits
        from tokenizers import Tokenizer  # imported here: only a question that needs the model pays

        self.folder = folder
        weights_path = model_weights(folder)
        self.tokenizer = Tokenizer.from_file(str(verified(folder, TOKENIZER_FILE)))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        has_graph = weights_path.name == WEIGHT_FILES[0] and (folder / ONNX_GRAPH).is_file()
        if runtime is None:
            runtime = "onnx" if has_graph and _onnxruntime_installed() else "numpy"
        self.runtime = runtime
        if runtime == "onnx":
            from bot.core.encoder_onnx import OnnxBert

            if not has_graph:
                raise ModelRefused(f"embedding model {folder}: onnxruntime needs {ONNX_GRAPH} and {WEIGHT_FILES[0]}")
            self._bert: NumpyBert | OnnxBert = OnnxBert(verified(folder, ONNX_GRAPH), threads)
        else:
            self._bert = NumpyBert(weights_path)
        # A question is a dozen tokens, and the cosines against every entry one small product: BLAS
        # threads would spend longer waiting for each other (several times longer on a busy 2-core
        # machine) than multiplying. One thread per process by default; a batch of hundreds of questions
        # on an otherwise idle machine (`ask` reading standard input) gains from a thread a core for
        # numpy's encoder. onnxruntime has its own threads and keeps BLAS at one: a second BLAS thread
        # spins between the cosine products and took a core from onnxruntime's (README "The encoder on a
        # thread of its own"). Encoding on two Python threads, each with one onnxruntime thread, was no
        # faster through `ask` and took 50-70 MB more memory.
        threadpool_limits(limits=threads if runtime == "numpy" else 1, user_api="blas")
        # What the vectors depend on, naming the cached entry vectors: the runtimes' arithmetic differs.
        self.fingerprint = PINNED_SHA256[ONNX_GRAPH if runtime == "onnx" else weights_path.name]
        self.dimensions = self._bert.dimensions

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """One row a text, in order; texts of similar length are batched together to limit padding."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, index in enumerate(chunk):
                tokens = encodings[index].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1.0
            hidden = self._bert.hidden(ids, mask)
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
            vectors[chunk] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return vectors


def _onnxruntime_installed() -> bool:
    return importlib.util.find_spec("onnxruntime") is not None


def attention_mask_bias(mask: np.ndarray) -> np.ndarray:
    """What padding adds to the attention scores (batch, 1, 1, length): 0 for a token, -1e9 for padding."""
    return (1.0 - mask)[:, None, None, :] * np.float32(-1e9)


class NumpyBert:
    """The encoder's arithmetic in numpy, from a safetensors file (the shipped int8 or the reference float32)."""

    def __init__(self, weights_path: Path):
        from safetensors.numpy import load_file

        tensors = load_file(str(weights_path))
        # The word table stays as stored (int8 for the shipped file): only the rows a sentence uses are
        # scaled back to float, which keeps 35 MB out of memory.
        self._words = tensors["embeddings.word_embeddings.weight"]
        self._word_scales = tensors.get("embeddings.word_embeddings.weight" + SCALE_SUFFIX)
        self._positions = tensors["embeddings.position_embeddings.weight"].astype(np.float32)
        self.dimensions = self._positions.shape[1]
        self._token_type = tensors["embeddings.token_type_embeddings.weight"][0].astype(np.float32)
        self._norm = _norm(tensors, "embeddings.LayerNorm")
        self._layers = [_layer(tensors, f"encoder.layer.{n}") for n in range(LAYERS)]

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        rows = self._words[ids].astype(np.float32)
        if self._word_scales is not None:
            rows *= self._word_scales[ids][..., None]
        return _layer_norm(rows + self._positions[: ids.shape[1]] + self._token_type, self._norm)

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last layer's hidden states, (batch, length, dimensions)."""
        hidden = self._embed(ids)
        batch, length, width = hidden.shape
        head = width // HEADS
        blocked = attention_mask_bias(mask)
        for layer in self._layers:
            qkv = hidden @ layer.qkv + layer.qkv_bias
            q, k, v = (
                part.reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3) for part in np.split(qkv, 3, axis=-1)
            )
            scores = q @ k.transpose(0, 1, 3, 2) * np.float32(1 / math.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
            hidden = _layer_norm(hidden + context @ layer.out + layer.out_bias, layer.norm1)
            inner = _gelu(hidden @ layer.up + layer.up_bias)
            hidden = _layer_norm(hidden + inner @ layer.down + layer.down_bias, layer.norm2)
        return hidden


def _matrix(tensors: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A linear layer's weight as (inputs, outputs) float32, scaled back from int8 when it was stored so."""
    weight = tensors[name].astype(np.float32)
    scales = tensors.get(name + SCALE_SUFFIX)
    if scales is not None:
        weight *= scales[:, None]
    return np.ascontiguousarray(weight.T)


def _norm(tensors: dict[str, np.ndarray], prefix: str) -> tuple[np.ndarray, np.ndarray]:
    return tensors[f"{prefix}.weight"].astype(np.float32), tensors[f"{prefix}.bias"].astype(np.float32)


def _layer(tensors: dict[str, np.ndarray], prefix: str) -> _Layer:
    attention = f"{prefix}.attention"
    projections = [f"{attention}.self.{part}" for part in ("query", "key", "value")]
    return _Layer(
        qkv=np.concatenate([_matrix(tensors, f"{p}.weight") for p in projections], axis=1),
        qkv_bias=np.concatenate([tensors[f"{p}.bias"] for p in projections]).astype(np.float32),
        out=_matrix(tensors, f"{attention}.output.dense.weight"),
        out_bias=tensors[f"{attention}.output.dense.bias"].astype(np.float32),
        norm1=_norm(tensors, f"{attention}.output.LayerNorm"),
        up=_matrix(tensors, f"{prefix}.intermediate.dense.weight"),
        up_bias=tensors[f"{prefix}.intermediate.dense.bias"].astype(np.float32),
        down=_matrix(tensors, f"{prefix}.output.dense.weight"),
        down_bias=tensors[f"{prefix}.output.dense.bias"].astype(np.float32),
        norm2=_norm(tensors, f"{prefix}.output.LayerNorm"),
    )


def _layer_norm(x: np.ndarray, norm: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    normalised: np.ndarray = centred / np.sqrt(variance + np.float32(LAYER_NORM_EPS)) * norm[0] + norm[1]
    return normalised


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x·Φ(x), with erf from Abramowitz & Stegun 7.1.26 (error below 1.5e-7)."""
    z = np.abs(x) * np.float32(1 / math.sqrt(2))
    t = 1.0 / (1.0 + np.float32(0.3275911) * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly.astype(np.float32) * np.exp(-z * z))
    activated: np.ndarray = 0.5 * x * (1.0 + erf)
    return activated
