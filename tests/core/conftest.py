import pytest

from bot.core.answer import Engine
from bot.core.knowledge_files import load_knowledge
from bot.core.models import KnowledgeBase
from tests.conftest import KNOWLEDGE_DIR


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)
