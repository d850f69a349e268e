"""The shipped `knowledge/` folder and exported bundles, read into a checked `KnowledgeBase`.

The folder splits the knowledge over four files (roles, sources, responsibilities, synonyms); an export
is one file with the same top-level keys. Both go through the same checks, and problems name the file
and line they come from.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from bot.core.models import KnowledgeBase
from bot.core.problems import InvalidInput, Problem
from bot.core.validation import build_knowledge_base
from bot.core.yamlfile import InvalidFile, YamlDocument, read_yaml

SECTIONS = ("roles", "sources", "responsibilities", "synonyms")
REQUIRED = ("roles", "sources", "responsibilities")
ORG_SECTION = "org"  # an export made with --team carries that workspace's settings too
# The modules that turn the files into a `KnowledgeBase` (this one and what it builds on): see `fingerprint`.
LOADER_MODULES = ("knowledge_files.py", "yamlfile.py", "validation.py", "models.py", "limits.py", "problems.py")


def load_knowledge(path: Path) -> KnowledgeBase:
    """A knowledge base from a `knowledge/`-style folder or a single exported YAML file."""
    return knowledge_from_documents(read_knowledge_documents(path))


def read_knowledge_documents(path: Path) -> list[YamlDocument]:
    if path.is_dir():
        documents = [read_yaml(path / f"{s}.yaml") for s in SECTIONS if (path / f"{s}.yaml").exists()]
        if not documents:
            expected = ", ".join(f"{s}.yaml" for s in REQUIRED)
            raise InvalidFile([f"{path}: no knowledge files here (expected {expected})"])
        return documents
    return [read_yaml(path)]


def knowledge_from_documents(documents: list[YamlDocument]) -> KnowledgeBase:
    data: dict[str, Any] = {}
    owner: dict[str, YamlDocument] = {}
    messages: list[str] = []
    for document in documents:
        if not isinstance(document.data, dict):
            messages.append(f"{document.path}:1: expected a mapping with the keys {', '.join(SECTIONS)}")
            continue
        for key, value in document.data.items():
            if key == ORG_SECTION:
                continue
            if key not in SECTIONS:
                messages.append(document.describe(Problem((key,), f"unknown section (expected {', '.join(SECTIONS)})")))
                continue
            if key in owner:
                messages.append(document.describe(Problem((key,), f"also given in {owner[key].path}")))
            data[key], owner[key] = value, document
    messages += [f"{documents[0].path}: {key}: is required" for key in REQUIRED if key not in data and documents]
    if messages:
        raise InvalidFile(messages)
    try:
        return build_knowledge_base(data)
    except InvalidInput as error:
        raise locate(error.problems, documents) from None


def locate(problems: list[Problem], documents: list[YamlDocument]) -> InvalidFile:
    """Problems with the knowledge's field paths, each said with the file and line it comes from."""
    owner = {key: d for d in documents if isinstance(d.data, dict) for key in d.data if key in SECTIONS}
    return InvalidFile([_describe(problem, owner, documents[0]) for problem in problems])


def fingerprint(path: Path) -> str:
    """A fingerprint of a knowledge folder's (or an exported file's) bytes and of the code that reads them.

    Tells whether the shipped files changed since they were seeded without parsing them: the YAML parse
    that keeps line numbers for error messages is most of a cold start's work, so an unchanged file is
    never read as YAML. The loader's code is part of it: a release that reads the same files differently
    counts as a change.
    """
    files = [path / f"{section}.yaml" for section in SECTIONS] if path.is_dir() else [path]
    here = Path(__file__).parent
    content = hashlib.sha256()
    for file in [*files, *(here / module for module in LOADER_MODULES)]:
        content.update(f"{file.name}\0".encode())
        content.update(file.read_bytes() if file.is_file() else b"\0missing\0")
    return content.hexdigest()[:32]


def _describe(problem: Problem, owner: dict[str, YamlDocument], fallback: YamlDocument) -> str:
    section = problem.loc[0] if problem.loc else None
    document = owner.get(section, fallback) if isinstance(section, str) else fallback
    return document.describe(problem)
