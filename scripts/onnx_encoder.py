"""Write the ONNX graph of the shipped encoder, `encoder-int8.onnx`, beside its weights (run once, by hand).

    pip install --target /tmp/onnx onnx   # only this script needs the onnx package; the bot runs onnxruntime
    PYTHONPATH=.:/tmp/onnx .venv/bin/python scripts/onnx_encoder.py

The graph is the arithmetic of the numpy encoder in `bot/core/encoder.py` (a 6-layer BERT up to its last
hidden state; pooling stays in numpy) and holds no weights of its own: every tensor is ONNX external data
pointing into `encoder-int8.safetensors`, whose raw little-endian tensors ONNX reads as they are. So the
model ships once, 23 MB, and both runtimes read the same bytes.

One difference makes it twice as fast: each linear layer multiplies in integers. Its input is quantised
to int8 a token at a time (one scale per token, so a question's vector never depends on what else is in
its batch) and multiplied by the shipped int8 weights with `MatMulInteger`, which this machine's VNNI
instructions run about four times faster than float32. A few of each input's channels carry values
tens of times larger than the rest (BERT's outlier features) and would take the int8 range from all
the others: those `OUTLIERS` channels, found by running the float graph over the knowledge base's
phrases, are multiplied in float32 beside the integer product. Cosines stay within 0.002 of the float
encoder on average (README "Measured figures"). `--float` writes the float graph instead, to compare.
Prints the new file's sha256 for `PINNED_SHA256` in `bot/core/encoder.py`.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import tempfile
from pathlib import Path

import numpy as np
import onnx
import yaml
from onnx import TensorProto, helper

from bot.core.encoder import (
    HEADS,
    LAYER_NORM_EPS,
    LAYERS,
    ONNX_GRAPH,
    SCALE_SUFFIX,
    SHIPPED_MODEL_DIR,
    SentenceEncoder,
    file_sha256,
)
from bot.core.encoder_onnx import OnnxBert

WEIGHTS = "encoder-int8.safetensors"
OPSET = 17
IR_VERSION = 8  # what opset 17 came with: onnxruntime releases read it whatever newer IR the onnx package writes
TYPES = {"F32": TensorProto.FLOAT, "I8": TensorProto.INT8}
SIZES = {"F32": 4, "I8": 1}
OUTLIERS = 32  # channels of each linear layer's input kept in float32: the largest on the calibration phrases
CALIBRATION = Path(__file__).resolve().parent.parent / "knowledge" / "responsibilities.yaml"


class Graph:
    def __init__(self, outliers: list[np.ndarray] | None) -> None:
        header_path = SHIPPED_MODEL_DIR / WEIGHTS
        with header_path.open("rb") as stream:
            (length,) = struct.unpack("<Q", stream.read(8))
            self.header = json.loads(stream.read(length))
        self.base = 8 + length
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[TensorProto] = []
        self.weights: dict[str, str] = {}
        self.count = 0
        self.outliers = iter(outliers) if outliers is not None else None  # None: the float graph
        self.inputs: list[str] = []  # each linear layer's input, in order (what calibration reads)
        self.axis_1 = self.constant("axis_1", [1])
        self.axis_last = self.constant("axis_last", [-1])
        if outliers is not None:
            self.first = self.constant("first", [0])
            self.column = self.constant("column", [-1, 1])
            self.tiny = self.constant("tiny", [1e-12], TensorProto.FLOAT)
            self.int8_step = self.constant("int8_step", [1 / 127], TensorProto.FLOAT)
            self.zero_point = "zero_point"  # uint8 128: a token's int8 values shifted, for onnxruntime's u8×s8 kernels
            self.initializers.append(helper.make_tensor(self.zero_point, TensorProto.UINT8, [], [128]))

    def weight(self, name: str, rows: int | None = None) -> str:
        """An initializer reading tensor `name` (or only its first `rows` rows) from the safetensors file."""
        key = name if rows is None else f"{name}[:{rows}]"
        if key in self.weights:
            return self.weights[key]
        entry = self.header[name]
        shape = list(entry["shape"])
        start, end = entry["data_offsets"]
        if rows is not None:
            end = start + rows * math.prod(shape[1:]) * SIZES[entry["dtype"]]
            shape = [rows, *shape[1:]] if rows > 1 else shape[1:]
        tensor = TensorProto(name=key, data_type=TYPES[entry["dtype"]])
        tensor.dims.extend(shape)
        tensor.data_location = TensorProto.EXTERNAL
        for field, value in (("location", WEIGHTS), ("offset", str(self.base + start)), ("length", str(end - start))):
            entry_proto = tensor.external_data.add()
            entry_proto.key, entry_proto.value = field, value
        self.initializers.append(tensor)
        self.weights[key] = tensor.name
        return tensor.name

    def constant(self, name: str, values: list[int] | list[float], dtype: int = TensorProto.INT64) -> str:
        self.initializers.append(helper.make_tensor(name, dtype, [len(values)], values))
        return name

    def op(self, kind: str, *inputs: str, outputs: int = 1, **attributes: object) -> str | list[str]:
        self.count += 1
        names = [f"{kind.lower()}_{self.count}_{n}" for n in range(outputs)]
        self.nodes.append(helper.make_node(kind, list(inputs), names, **attributes))
        return names[0] if outputs == 1 else names

    def matrix(self, name: str, channels: str | None = None) -> str:
        """A linear layer's int8 weight (outputs, inputs) as float32 (inputs, outputs), or only its rows for
        input `channels`: folded at load. The integer graph asks only for its outlier rows, so the float32
        matrix is never made."""
        weight = self.weight(name) if channels is None else self.op("Gather", self.weight(name), channels, axis=1)
        scales = self.op("Unsqueeze", self.weight(name + SCALE_SUFFIX), self.axis_1)
        return self.op("Transpose", self.op("Mul", self.op("Cast", weight, to=TensorProto.FLOAT), scales))

    def linear(self, x: str, prefixes: list[str]) -> str:
        """`x` times the weights of `prefixes` side by side, plus their biases: in float32 for the float
        graph; otherwise in integers but for the input's outlier channels."""
        self.inputs.append(x)
        bias = self.joined([self.weight(f"{p}.bias") for p in prefixes], axis=0)
        if self.outliers is None:
            floats = self.joined([self.matrix(f"{p}.weight") for p in prefixes], axis=1)
            return self.op("Add", self.op("MatMul", x, floats), bias)
        return self.integer_linear(x, prefixes, bias, next(self.outliers))

    def integer_linear(self, x: str, prefixes: list[str], bias: str, outliers: np.ndarray) -> str:
        """`x` times the weights plus the bias, the `outliers` channels of `x` multiplied in float32 and the
        others in integers: each token quantised to int8 on its own scale, times the shipped int8 weights."""
        width = self.header[f"{prefixes[0]}.weight"]["shape"][1]
        self.count += 1
        channels = self.constant(f"outliers_{self.count}", [int(c) for c in outliers])
        keep = np.ones(width, dtype=np.float32)
        keep[outliers] = 0.0
        rest = self.op("Mul", x, self.constant(f"keep_{self.count}", keep.tolist(), TensorProto.FLOAT))
        outlier_rows = self.joined([self.matrix(f"{p}.weight", channels) for p in prefixes], axis=1)
        in_float = self.op("MatMul", self.op("Gather", x, channels, axis=-1), outlier_rows)
        integers = self.joined([self.op("Transpose", self.weight(f"{p}.weight")) for p in prefixes], axis=1)
        row_scales = self.joined([self.weight(f"{p}.weight{SCALE_SUFFIX}") for p in prefixes], axis=0)
        tokens, steps = self.quantised_tokens(rest, width)
        product = self.op("Cast", self.op("MatMulInteger", tokens, integers, self.zero_point), to=TensorProto.FLOAT)
        scaled = self.op("Mul", self.op("Mul", product, self.op("Reshape", steps, self.column)), row_scales)
        shape = self.op(
            "Concat", self.op("Slice", self.op("Shape", x), self.first, self.axis_last), self.axis_last, axis=0
        )
        return self.op("Add", self.op("Add", self.op("Reshape", scaled, shape), in_float), bias)

    def quantised_tokens(self, x: str, width: int) -> tuple[str, str]:
        """`x` as one token a row, each quantised to int8 (shifted to uint8) with its largest value at 127,
        and each token's scale."""
        step = self.op(
            "Mul",
            self.op("Max", self.op("ReduceMax", self.op("Abs", x), axes=[-1], keepdims=1), self.tiny),
            self.int8_step,
        )
        tokens = self.op("Reshape", x, self.constant(f"tokens_{self.count}", [-1, width]))
        steps = self.op("Reshape", step, self.axis_last)
        zero_points = self.op("Expand", self.zero_point, self.op("Shape", steps))
        return self.op("QuantizeLinear", tokens, steps, zero_points, axis=0), steps

    def joined(self, names: list[str], axis: int) -> str:
        return names[0] if len(names) == 1 else self.op("Concat", *names, axis=axis)

    def norm(self, x: str, prefix: str) -> str:
        weight, bias = self.weight(f"{prefix}.weight"), self.weight(f"{prefix}.bias")
        return self.op("LayerNormalization", x, weight, bias, axis=-1, epsilon=LAYER_NORM_EPS)


def build(outliers: list[np.ndarray] | None) -> tuple[onnx.ModelProto, list[str]]:
    """The graph, integer (with each linear layer's outlier channels) or float (`outliers` None), and the
    names of the linear layers' inputs."""
    g = Graph(outliers)
    width = g.header["embeddings.position_embeddings.weight"]["shape"][1]
    head = width // HEADS
    split_heads = g.constant("split_heads", [0, 0, HEADS, head])
    join_heads = g.constant("join_heads", [0, 0, width])
    thirds = g.constant("thirds", [width] * 3)
    inverse_sqrt_head = g.constant("inverse_sqrt_head", [1 / math.sqrt(head)], TensorProto.FLOAT)
    half, one = g.constant("half", [0.5], TensorProto.FLOAT), g.constant("one", [1.0], TensorProto.FLOAT)
    inverse_sqrt2 = g.constant("inverse_sqrt2", [1 / math.sqrt(2)], TensorProto.FLOAT)

    words = g.op(
        "Cast", g.op("Gather", g.weight("embeddings.word_embeddings.weight"), "input_ids"), to=TensorProto.FLOAT
    )
    scales = g.op(
        "Unsqueeze",
        g.op("Gather", g.weight("embeddings.word_embeddings.weight" + SCALE_SUFFIX), "input_ids"),
        g.axis_last,
    )
    positions = g.op("Gather", g.weight("embeddings.position_embeddings.weight"), "position_ids")
    embedded = g.op(
        "Add",
        g.op("Add", g.op("Mul", words, scales), positions),
        g.weight("embeddings.token_type_embeddings.weight", rows=1),
    )
    hidden = g.norm(embedded, "embeddings.LayerNorm")
    for n in range(LAYERS):
        prefix = f"encoder.layer.{n}"
        attention = f"{prefix}.attention"
        qkv = g.linear(hidden, [f"{attention}.self.{part}" for part in ("query", "key", "value")])
        q, k, v = g.op("Split", qkv, thirds, axis=-1, outputs=3)
        q, v = (g.op("Transpose", g.op("Reshape", x, split_heads), perm=[0, 2, 1, 3]) for x in (q, v))
        k = g.op("Transpose", g.op("Reshape", k, split_heads), perm=[0, 2, 3, 1])
        scores = g.op("Add", g.op("Mul", g.op("MatMul", q, k), inverse_sqrt_head), "mask_bias")
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), join_heads)
        hidden = g.norm(
            g.op("Add", hidden, g.linear(context, [f"{attention}.output.dense"])), f"{attention}.output.LayerNorm"
        )
        up = g.linear(hidden, [f"{prefix}.intermediate.dense"])
        gelu = g.op("Mul", g.op("Mul", up, half), g.op("Add", one, g.op("Erf", g.op("Mul", up, inverse_sqrt2))))
        hidden = g.norm(g.op("Add", hidden, g.linear(gelu, [f"{prefix}.output.dense"])), f"{prefix}.output.LayerNorm")
    g.nodes.append(helper.make_node("Identity", [hidden], ["hidden"]))
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "length"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["length"]),
        helper.make_tensor_value_info("mask_bias", TensorProto.FLOAT, ["batch", 1, 1, "length"]),
    ]
    output = helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", width])
    graph = helper.make_graph(g.nodes, "all-MiniLM-L6-v2", inputs, [output], g.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="whoowns")
    model.ir_version = IR_VERSION
    return model, g.inputs


class LargestInputs:
    """Stands in for the encoder's BERT while it encodes the calibration phrases: runs the float graph made
    to output each linear layer's input too, and keeps each channel's largest magnitude over real tokens."""

    def __init__(self, bert: OnnxBert, count: int) -> None:
        self.bert = bert
        self.dimensions = bert.dimensions
        self.largest = [np.zeros(0, dtype=np.float32)] * count

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        hidden, *inputs = self.bert.outputs(ids, mask)
        for n, values in enumerate(inputs):
            magnitude = np.abs(values[mask.astype(bool)]).max(axis=0)
            self.largest[n] = magnitude if not self.largest[n].size else np.maximum(self.largest[n], magnitude)
        return hidden


def outlier_channels() -> list[np.ndarray]:
    """For each linear layer, the `OUTLIERS` channels of its input with the largest magnitude over every
    token of the knowledge base's titles, aliases and examples, read off the float graph."""
    model, inputs = build(None)
    model.graph.output.extend(helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in inputs)
    encoder = SentenceEncoder(runtime="numpy")  # its tokenizer and batching; the graph below does the arithmetic
    with tempfile.NamedTemporaryFile(dir=SHIPPED_MODEL_DIR, suffix=".onnx") as graph_file:  # beside its weights
        graph_file.write(model.SerializeToString())
        graph_file.flush()
        recorder = LargestInputs(OnnxBert(Path(graph_file.name)), len(inputs))
    encoder._bert = recorder
    entries = yaml.safe_load(CALIBRATION.read_text())["responsibilities"]
    encoder.encode([text for e in entries for text in (e["title"], *e.get("aliases", []), *e.get("examples", []))])
    return [np.sort(np.argsort(-magnitude, kind="stable")[:OUTLIERS]) for magnitude in recorder.largest]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--float", action="store_true", help="write the float32 graph (no integer arithmetic)")
    parser.add_argument("--output", type=Path, default=SHIPPED_MODEL_DIR / ONNX_GRAPH, help="where to write it")
    args = parser.parse_args()
    model, _inputs = build(None if args.float else outlier_channels())
    args.output.write_bytes(model.SerializeToString())
    print(f"{args.output}: {args.output.stat().st_size} bytes, sha256 {file_sha256(args.output)}")


if __name__ == "__main__":
    main()
