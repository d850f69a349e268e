import pytest

from bot.core.answer import Engine
from bot.core.knowledge_files import load_knowledge
from bot.core.models import KnowledgeBase
from bot.core.semantic import Embeddings
from tests.conftest import KNOWLEDGE_DIR


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)


@pytest.fixture(scope="session")
def fused(kb: KnowledgeBase, embeddings: Embeddings) -> Engine:
    """The engine as the app builds it: lexical, then semantic when lexical is not sure."""
    return Engine(kb, embeddings)
