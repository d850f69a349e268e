"""A person's answers to the CPTO assessment, checked by a pydantic model built from the rules.

The model is made from `knowledge/assessment.yaml` (one field a factor, its allowed answers as a
`Literal`, its default), so the rules stay the one place that lists questions and answers. Left-out
questions take their defaults; an unknown question or answer is a problem that names the field.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from bot.core.assess_rules import AnswerValue, AssessmentRules, as_text
from bot.core.problems import InvalidInput, Problem, from_validation_error

Answers = dict[str, AnswerValue]


def check_answers(rules: AssessmentRules, data: Any) -> Answers:
    """Every factor's answer (defaults filled in), or `InvalidInput` naming each unknown key or value."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidInput([Problem((), "expected a mapping of question: answer, such as `stage: startup`")])
    try:
        return _answers_model(rules).model_validate(data).model_dump()
    except ValidationError as error:
        raise InvalidInput(_explain(rules, error)) from None


def _answers_model(rules: AssessmentRules) -> type[BaseModel]:
    fields: dict[str, Any] = {f.id: (Literal[tuple(a.value for a in f.answers)], f.default) for f in rules.factors}
    return create_model("Answers", __config__=ConfigDict(extra="forbid", frozen=True), **fields)


def _explain(rules: AssessmentRules, error: ValidationError) -> list[Problem]:
    """pydantic's problems, reworded in the answers file's own terms (`true`, not `True`)."""
    problems = []
    for problem, item in zip(from_validation_error(error), error.errors(include_url=False), strict=True):
        if item["type"] == "extra_forbidden":
            expected = ", ".join(f.id for f in rules.factors)
            problem = Problem(problem.loc, f"unknown question (expected one of: {expected})")
        elif item["type"] == "literal_error":
            factor = rules.factor(str(problem.loc[0]))
            *others, last = (as_text(a.value) for a in factor.answers)
            expected = f"{', '.join(others)} or {last}"
            given = as_text(item["input"]) if isinstance(item["input"], bool | str) else item["input"]
            problem = Problem(problem.loc, f"{given!r} is not an answer (expected {expected})")
        problems.append(problem)
    return problems
