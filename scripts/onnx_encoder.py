"""Write the ONNX graph of the shipped encoder, `encoder-int8.onnx`, beside its weights (run once, by hand).

    pip install --target /tmp/onnx onnx   # only this script needs the onnx package; the bot runs onnxruntime
    PYTHONPATH=.:/tmp/onnx .venv/bin/python scripts/onnx_encoder.py

The graph is the same arithmetic as the numpy encoder in `bot/core/encoder.py` (a 6-layer BERT up to its
last hidden state; pooling stays in numpy) and holds no weights of its own: every tensor is ONNX external
data pointing into `encoder-int8.safetensors`, whose raw little-endian tensors ONNX reads as they are. So
the model ships once, 23 MB, and both runtimes read the same bytes. The int8 matrices are scaled back to
float32 by `Cast` and `Mul` on constants, which onnxruntime folds when it loads the graph. Prints the new
file's sha256 for `PINNED_SHA256` in `bot/core/encoder.py`.
"""

from __future__ import annotations

import json
import math
import struct

import onnx
from onnx import TensorProto, helper

from bot.core.encoder import HEADS, LAYER_NORM_EPS, LAYERS, ONNX_GRAPH, SCALE_SUFFIX, SHIPPED_MODEL_DIR, file_sha256

WEIGHTS = "encoder-int8.safetensors"
OPSET = 17
IR_VERSION = 8  # what opset 17 came with: onnxruntime releases read it whatever newer IR the onnx package writes
TYPES = {"F32": TensorProto.FLOAT, "I8": TensorProto.INT8}
SIZES = {"F32": 4, "I8": 1}


class Graph:
    def __init__(self) -> None:
        header_path = SHIPPED_MODEL_DIR / WEIGHTS
        with header_path.open("rb") as stream:
            (length,) = struct.unpack("<Q", stream.read(8))
            self.header = json.loads(stream.read(length))
        self.base = 8 + length
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[TensorProto] = []
        self.count = 0
        self.axis_1 = self.constant("axis_1", [1])
        self.axis_last = self.constant("axis_last", [-1])

    def weight(self, name: str, rows: int | None = None) -> str:
        """An initializer reading tensor `name` (or only its first `rows` rows) from the safetensors file."""
        entry = self.header[name]
        shape = list(entry["shape"])
        start, end = entry["data_offsets"]
        if rows is not None:
            end = start + rows * math.prod(shape[1:]) * SIZES[entry["dtype"]]
            shape = [rows, *shape[1:]] if rows > 1 else shape[1:]
        tensor = TensorProto(name=name if rows is None else f"{name}[:{rows}]", data_type=TYPES[entry["dtype"]])
        tensor.dims.extend(shape)
        tensor.data_location = TensorProto.EXTERNAL
        for key, value in (("location", WEIGHTS), ("offset", str(self.base + start)), ("length", str(end - start))):
            entry_proto = tensor.external_data.add()
            entry_proto.key, entry_proto.value = key, value
        self.initializers.append(tensor)
        return tensor.name

    def constant(self, name: str, values: list[int] | list[float], dtype: int = TensorProto.INT64) -> str:
        self.initializers.append(helper.make_tensor(name, dtype, [len(values)], values))
        return name

    def op(self, kind: str, *inputs: str, outputs: int = 1, **attributes: object) -> str | list[str]:
        self.count += 1
        names = [f"{kind.lower()}_{self.count}_{n}" for n in range(outputs)]
        self.nodes.append(helper.make_node(kind, list(inputs), names, **attributes))
        return names[0] if outputs == 1 else names

    def matrix(self, name: str) -> str:
        """A linear layer's int8 weight (outputs, inputs) as float32 (inputs, outputs): folded at load."""
        scales = self.op("Unsqueeze", self.weight(name + SCALE_SUFFIX), self.axis_1)
        return self.op("Transpose", self.op("Mul", self.op("Cast", self.weight(name), to=TensorProto.FLOAT), scales))

    def linear(self, x: str, prefix: str) -> str:
        return self.op("Add", self.op("MatMul", x, self.matrix(f"{prefix}.weight")), self.weight(f"{prefix}.bias"))

    def norm(self, x: str, prefix: str) -> str:
        weight, bias = self.weight(f"{prefix}.weight"), self.weight(f"{prefix}.bias")
        return self.op("LayerNormalization", x, weight, bias, axis=-1, epsilon=LAYER_NORM_EPS)


def build() -> onnx.ModelProto:
    g = Graph()
    width = g.header["embeddings.position_embeddings.weight"]["shape"][1]
    head = width // HEADS
    split_heads = g.constant("split_heads", [0, 0, HEADS, head])
    join_heads = g.constant("join_heads", [0, 0, width])
    inverse_sqrt_head = g.constant("inverse_sqrt_head", [1 / math.sqrt(head)], TensorProto.FLOAT)
    half, one = g.constant("half", [0.5], TensorProto.FLOAT), g.constant("one", [1.0], TensorProto.FLOAT)
    inverse_sqrt2 = g.constant("inverse_sqrt2", [1 / math.sqrt(2)], TensorProto.FLOAT)

    words = g.op("Cast", g.op("Gather", g.weight("embeddings.word_embeddings.weight"), "input_ids"), to=TensorProto.FLOAT)
    scales = g.op("Unsqueeze", g.op("Gather", g.weight("embeddings.word_embeddings.weight" + SCALE_SUFFIX), "input_ids"), g.axis_last)
    positions = g.op("Gather", g.weight("embeddings.position_embeddings.weight"), "position_ids")
    embedded = g.op("Add", g.op("Add", g.op("Mul", words, scales), positions), g.weight("embeddings.token_type_embeddings.weight", rows=1))
    hidden = g.norm(embedded, "embeddings.LayerNorm")
    for n in range(LAYERS):
        prefix = f"encoder.layer.{n}"
        attention = f"{prefix}.attention"
        q, k, v = (g.linear(hidden, f"{attention}.self.{part}") for part in ("query", "key", "value"))
        q, v = (g.op("Transpose", g.op("Reshape", x, split_heads), perm=[0, 2, 1, 3]) for x in (q, v))
        k = g.op("Transpose", g.op("Reshape", k, split_heads), perm=[0, 2, 3, 1])
        scores = g.op("Add", g.op("Mul", g.op("MatMul", q, k), inverse_sqrt_head), "mask_bias")
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), join_heads)
        hidden = g.norm(g.op("Add", hidden, g.linear(context, f"{attention}.output.dense")), f"{attention}.output.LayerNorm")
        up = g.linear(hidden, f"{prefix}.intermediate.dense")
        gelu = g.op("Mul", g.op("Mul", up, half), g.op("Add", one, g.op("Erf", g.op("Mul", up, inverse_sqrt2))))
        hidden = g.norm(g.op("Add", hidden, g.linear(gelu, f"{prefix}.output.dense")), f"{prefix}.output.LayerNorm")
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
    return model


def main() -> None:
    target = SHIPPED_MODEL_DIR / ONNX_GRAPH
    target.write_bytes(build().SerializeToString())
    print(f"{target}: {target.stat().st_size} bytes, sha256 {file_sha256(target)}")


if __name__ == "__main__":
    main()
