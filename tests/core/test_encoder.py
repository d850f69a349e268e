"""The encoder reproduces all-MiniLM-L6-v2 with either runtime, and refuses model files it was not calibrated on."""

import re
import shutil

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from bot.core import encoder_onnx
from bot.core.encoder import ONNX_GRAPH, PINNED_SHA256, SHIPPED_MODEL_DIR, ModelRefused, SentenceEncoder
from bot.core.encoder_onnx import OnnxBert, overflow_prone

REFERENCE = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]


@pytest.fixture(scope="module")
def encoder(embeddings) -> SentenceEncoder:
    return embeddings.encoder()


@pytest.fixture(scope="module")
def numpy_encoder() -> SentenceEncoder:
    return SentenceEncoder(runtime="numpy")


def test_the_shipped_model_runs_on_onnxruntime_by_default(encoder):
    assert encoder.runtime == "onnx"


def test_onnxruntime_in_integers_stays_within_a_hundredth_of_numpy_in_float(encoder, numpy_encoder):
    texts = [*REFERENCE, "who owns hosting costs", "a much longer sentence that makes the batch pad the short ones"]
    integers, floats = encoder.encode(texts), numpy_encoder.encode(texts)
    assert (integers * floats).sum(axis=1).min() > 0.99  # each text's two vectors point the same way
    assert np.abs(integers @ integers.T - floats @ floats.T).max() < 0.01  # and the texts' cosines agree


def test_the_runtimes_name_their_cached_vectors_apart(encoder, numpy_encoder):
    """Entry vectors cached by one runtime are never read back by the other: their arithmetic differs."""
    assert encoder.fingerprint == PINNED_SHA256[ONNX_GRAPH]
    assert numpy_encoder.fingerprint == PINNED_SHA256["encoder-int8.safetensors"] != encoder.fingerprint


@pytest.mark.parametrize(
    ("machine", "flags", "prone"),
    [
        ("x86_64", "flags : fpu sse2 avx2 avx512f avx512bw", True),  # Skylake-SP: 16-bit sums that overflow
        ("x86_64", "flags : fpu sse2 avx2 avx512f avx512_vnni", False),  # this machine
        ("x86_64", "flags : fpu sse2 avx2 avx_vnni", False),
        ("AMD64", None, True),  # Windows: no /proc/cpuinfo to read, so assumed
        ("aarch64", "Features : fp asimd", False),  # the option acts on x86 only
    ],
)
def test_which_processors_need_onnxruntimes_exact_integer_kernel(machine, flags, prone):
    assert overflow_prone(machine, flags) is prone


@pytest.mark.parametrize("prone", [True, False])
def test_onnxruntime_is_asked_for_its_exact_kernel_only_where_the_fast_one_overflows(monkeypatch, prone):
    """Asked everywhere, it would cost this machine, whose fast kernel is exact, 1.6 times the time."""
    monkeypatch.setattr(encoder_onnx, "overflow_prone", lambda *_: prone)
    options = OnnxBert(SHIPPED_MODEL_DIR / ONNX_GRAPH)._session.get_session_options()
    if prone:
        assert options.get_session_config_entry("session.x64quantprecision") == "1"
    else:
        with pytest.raises(RuntimeError, match="does not have configuration"):
            options.get_session_config_entry("session.x64quantprecision")


def test_a_vector_does_not_depend_on_the_rest_of_its_batch(encoder):
    """Each token is quantised on its own scale: a question answered alone or among a thousand reads the same."""
    texts = ["who owns hosting costs", "a much longer sentence that makes the batch pad the short ones", *REFERENCE]
    batch = encoder.encode(texts)
    assert np.abs(encoder.encode(texts[:1]) - batch[:1]).max() < 1e-6
    assert np.abs(encoder.encode(texts[2:]) - batch[2:]).max() < 1e-6


@pytest.mark.parametrize("runtime", ["onnx", "numpy"])
def test_two_threads_give_the_same_vectors_as_one(runtime, encoder, numpy_encoder):
    texts = [*REFERENCE, "who owns hosting costs", "a much longer sentence that makes the batch pad the short ones"]
    one = (encoder if runtime == "onnx" else numpy_encoder).encode(texts)
    try:
        two = SentenceEncoder(runtime=runtime, threads=2)
        assert np.abs(two.encode(texts) - one).max() < 1e-5
        if runtime == "onnx":
            assert two._bert._session.get_session_options().intra_op_num_threads == 2
    finally:
        threadpool_limits(limits=1, user_api="blas")  # as the other tests' encoders set it


@pytest.mark.parametrize("runtime", ["onnx", "numpy"])
def test_the_published_reference_cosines_are_reproduced_within_a_hundredth(runtime, encoder, numpy_encoder):
    vectors = (encoder if runtime == "onnx" else numpy_encoder).encode(REFERENCE)
    cosines = vectors @ vectors.T
    assert cosines[0, 1] == pytest.approx(0.6660, abs=0.01)
    assert cosines[0, 2] == pytest.approx(0.1046, abs=0.01)
    assert cosines[1, 2] == pytest.approx(0.1411, abs=0.01)


def test_identical_sentences_have_cosine_one_alone_or_padded_in_a_batch(encoder):
    sentence = "Who owns hosting costs?"
    alone = encoder.encode([sentence])[0]
    batched = encoder.encode(["a much longer sentence that makes the batch pad the short one", sentence])[1]
    assert float(alone @ alone) == pytest.approx(1.0, abs=1e-5)
    assert float(alone @ batched) == pytest.approx(1.0, abs=1e-5)


def test_no_text_gives_no_vectors(encoder):
    assert encoder.encode([]).shape == (0, encoder.dimensions)


@pytest.fixture
def model_copy(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(SHIPPED_MODEL_DIR, folder)
    return folder


@pytest.mark.parametrize("name", ["tokenizer.json", "encoder-int8.safetensors", ONNX_GRAPH])
def test_a_changed_file_is_refused_naming_it_and_both_digests(model_copy, name):
    path = model_copy / name
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(ModelRefused) as refused:
        SentenceEncoder(model_copy)
    message = str(refused.value)
    assert name in message and str(model_copy) in message and PINNED_SHA256[name] in message


def test_a_folder_without_weights_is_refused(model_copy):
    (model_copy / "encoder-int8.safetensors").unlink()
    with pytest.raises(ModelRefused, match=re.escape("no encoder-int8.safetensors or model.safetensors")):
        SentenceEncoder(model_copy)


def test_without_its_graph_the_shipped_model_runs_on_numpy_and_onnxruntime_is_refused(model_copy):
    (model_copy / ONNX_GRAPH).unlink()
    assert SentenceEncoder(model_copy).runtime == "numpy"
    with pytest.raises(ModelRefused, match=f"onnxruntime needs {ONNX_GRAPH}"):
        SentenceEncoder(model_copy, runtime="onnx")


def test_a_missing_tokenizer_is_refused(model_copy):
    (model_copy / "tokenizer.json").unlink()
    with pytest.raises(ModelRefused, match=re.escape("tokenizer.json is missing")):
        SentenceEncoder(model_copy)


def test_the_shipped_file_stays_small():
    size = sum(path.stat().st_size for path in SHIPPED_MODEL_DIR.iterdir())
    assert size < 30_000_000  # int8 weights: the float32 reference is 90 MB
