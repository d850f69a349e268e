"""whoowns: tells people which executive role owns a decision or an area of work, and why."""

import os

# One BLAS thread, as the encoder runs (bot/core/encoder.py), set before anything imports numpy: OpenBLAS
# otherwise starts a thread a core at import, which cost every `ask` about 0.1 s of CPU for nothing (a
# question is a dozen tokens). A value set in the environment is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
