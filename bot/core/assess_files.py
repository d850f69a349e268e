"""Reads the assessment rules from a `knowledge/` folder and answers from a YAML file, with file:line errors.

The rules cite the articles listed in `sources.yaml`, so both files are read and checked together; a
problem is reported against the file and line it comes from.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from bot.core.assess_answers import Answers, check_answers
from bot.core.assess_rules import AssessmentRules, check_rules
from bot.core.problems import InvalidInput, Problem, from_validation_error
from bot.core.yamlfile import InvalidFile, YamlDocument, located, read_yaml

RULES_FILE = "assessment.yaml"
SOURCES_FILE = "sources.yaml"


def load_rules(knowledge_dir: Path) -> AssessmentRules:
    rules_doc, sources_doc = read_yaml(knowledge_dir / RULES_FILE), read_yaml(knowledge_dir / SOURCES_FILE)
    for document in (rules_doc, sources_doc):
        if not isinstance(document.data, dict):
            raise InvalidFile([f"{document.path}:1: expected a mapping"])
    if "sources" in rules_doc.data:
        raise InvalidFile(
            [rules_doc.describe(Problem(("sources",), f"unknown field (sources come from {SOURCES_FILE})"))]
        )
    try:
        rules = AssessmentRules.model_validate({**rules_doc.data, "sources": sources_doc.data.get("sources")})
        problems = check_rules(rules)
    except ValidationError as error:
        problems = from_validation_error(error)
    if problems:
        raise InvalidFile([_document_for(p, rules_doc, sources_doc).describe(p) for p in problems])
    return rules


def load_answers(path: Path, rules: AssessmentRules) -> Answers:
    """Answers from a YAML file shaped `factor: answer`; left-out factors take their defaults."""
    document = read_yaml(path)
    try:
        return check_answers(rules, document.data)
    except InvalidInput as error:
        raise located(error, document) from None


def _document_for(problem: Problem, rules_doc: YamlDocument, sources_doc: YamlDocument) -> YamlDocument:
    return sources_doc if problem.loc[:1] == ("sources",) else rules_doc
