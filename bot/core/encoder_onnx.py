"""The encoder run by onnxruntime: the graph `scripts/onnx_encoder.py` writes, over the shipped weights.

The graph holds no weights: its tensors are external data pointing into `encoder-int8.safetensors`, so
the model ships once. Its linear layers multiply each token, quantised to int8 on its own scale, by the
shipped int8 weights (a few outlier channels in float32): with VNNI instructions half the time of the same
graph in float32 and a third of numpy's; without them (the exact kernel, `overflow_prone`) the time of
float32 and half of numpy's. Cosines stay within 0.002 of numpy's on average (README "Measured figures").
"""

from __future__ import annotations

import platform
import re
from pathlib import Path

import numpy as np

from bot.core.encoder import attention_mask_bias

X86 = {"x86_64", "amd64", "i386", "i686", "x86"}  # platform.machine() on Linux, macOS and Windows
VNNI = re.compile(r"\b(?:avx512_vnni|avx_vnni)\b")  # /proc/cpuinfo's names for the instructions


class OnnxBert:
    def __init__(self, graph: Path, threads: int = 1):
        import onnxruntime  # imported here: only a process that needs the model pays

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads  # one, but for a batch with the machine to itself
        # Threads that wait sleep rather than spin: spinning, they took the core the caller needs between runs.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.inter_op_num_threads = 1
        if overflow_prone(platform.machine(), _cpu_flags()):
            # Its exact uint8 x uint8 kernel: asked for on this machine, where the fast one is exact, it
            # took 1.6 times as long.
            options.add_session_config_entry("session.x64quantprecision", "1")
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.dimensions = int(self._session.get_outputs()[0].shape[-1])

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last layer's hidden states, (batch, length, dimensions)."""
        return self.outputs(ids, mask)[0]

    def outputs(self, ids: np.ndarray, mask: np.ndarray) -> list[np.ndarray]:
        """Every output of the graph, the hidden states first (a graph made to output more: calibration)."""
        inputs = {
            "input_ids": ids,
            "position_ids": np.arange(ids.shape[1], dtype=np.int64),
            "mask_bias": attention_mask_bias(mask),
        }
        outputs: list[np.ndarray] = self._session.run(None, inputs)
        return outputs


def overflow_prone(machine: str, cpu_flags: str | None) -> bool:
    """Whether onnxruntime's fast integer products can overflow on this processor: an x86 one without VNNI
    instructions multiplies uint8 by int8 through 16-bit sums, which overflow for weights beyond [-64, 63]
    as ours are. `cpu_flags`: /proc/cpuinfo's text, or None where it cannot be read (then assumed)."""
    if machine.lower() not in X86:
        return False
    return cpu_flags is None or VNNI.search(cpu_flags) is None


def _cpu_flags() -> str | None:
    try:
        return Path("/proc/cpuinfo").read_text()
    except OSError:  # not Linux
        return None
