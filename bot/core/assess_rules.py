"""The rules of the CPTO assessment (`knowledge/assessment.yaml`) as checked pydantic models.

Each factor is a question with its allowed answers; each answer says which way it pushes (toward one
CPTO or toward a CPO and a CTO), how hard, why in our words, and which article says so. Keeping this as
data means a weight or a citation is changed in one YAML line and every entry point follows.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints, model_validator

from bot.core.models import Citation, Source, Strict, Text
from bot.core.problems import Loc, Problem

Shape = Literal["combine", "separate"]
Outcome = Literal["combine", "separate", "borderline"]
Direction = Literal["combine", "separate", "neutral"]
AnswerValue = bool | str
FactorId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,40}$")]
Line = Annotated[Text, StringConstraints(max_length=300)]
OPPOSITE: dict[Shape, Shape] = {"combine": "separate", "separate": "combine"}
SHAPE_NAMES: dict[Shape, str] = {"combine": "one CPTO", "separate": "a CPO and a CTO"}  # as every surface says it
NO_ADDRESS = "no public address"  # said of a source that has no URL


def as_text(value: AnswerValue) -> str:
    """An answer as it is written in YAML (`true`, `startup`): for messages and Slack option values."""
    return str(value).lower() if isinstance(value, bool) else value


class AnswerRule(Strict):
    value: AnswerValue
    label: Annotated[Text, StringConstraints(max_length=40)]
    direction: Direction
    weight: int = Field(ge=0, le=5)
    reason: Line
    citation: Citation | None = None
    rules_out: Shape | None = None

    @model_validator(mode="after")
    def pushes_with_a_source(self) -> AnswerRule:
        if (self.direction == "neutral") != (self.weight == 0):
            raise ValueError("weight must be 0 exactly when direction is neutral")
        if (self.direction != "neutral" or self.rules_out) and self.citation is None:
            raise ValueError("an answer that pushes or rules a shape out must cite its source")
        return self

    @property
    def points(self) -> int:
        """The signed contribution to the score: positive toward combine, negative toward separate."""
        return {"combine": self.weight, "separate": -self.weight, "neutral": 0}[self.direction]


class Factor(Strict):
    id: FactorId
    title: Annotated[Text, StringConstraints(max_length=40)]
    question: Annotated[Text, StringConstraints(max_length=150)]
    hint: Annotated[Text, StringConstraints(max_length=150)]
    default: AnswerValue
    answers: tuple[AnswerRule, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def answers_are_distinct_and_include_the_default(self) -> Factor:
        values = [a.value for a in self.answers]
        if len(set(values)) != len(values):
            raise ValueError("answers repeat a value")
        if self.default not in values:
            raise ValueError(f"default {as_text(self.default)!r} is not one of the answers")
        return self

    def answer(self, value: AnswerValue) -> AnswerRule:
        return next(a for a in self.answers if a.value == value)

    def value_of(self, text: str) -> AnswerValue:
        """An answer written as text (`true`, a Slack option's value) back to its value; unknown text as is."""
        return next((a.value for a in self.answers if as_text(a.value) == text), text)


class Risk(Strict):
    risk: Line
    mitigation: Line
    citation: Citation


class Thresholds(Strict):
    combine_at: int = Field(ge=1)
    separate_at: int = Field(le=-1)

    def band(self, score: int) -> Outcome:
        return "combine" if score >= self.combine_at else "separate" if score <= self.separate_at else "borderline"


class AssessmentRules(Strict):
    """The whole rules file plus the sources it cites (from `sources.yaml`)."""

    thresholds: Thresholds
    outcomes: dict[Outcome, Line]
    factors: tuple[Factor, ...] = Field(min_length=1)
    risks: dict[Shape, tuple[Risk, ...]]
    sources: tuple[Source, ...]

    def factor(self, factor_id: str) -> Factor:
        return next(f for f in self.factors if f.id == factor_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


def check_rules(rules: AssessmentRules) -> list[Problem]:
    """What one field alone cannot say: unique factor ids, known sources, every outcome and its risks described."""
    known = {s.id for s in rules.sources}
    problems = [Problem(("outcomes",), f"{o} is not described") for o in get_args(Outcome) if o not in rules.outcomes]
    problems += [Problem(("risks",), f"{s} has no risks listed") for s in get_args(Shape) if not rules.risks.get(s)]
    seen: set[str] = set()
    for index, factor in enumerate(rules.factors):
        if factor.id in seen:
            problems.append(Problem(("factors", index, "id"), f"id {factor.id!r} is used twice"))
        seen.add(factor.id)
        for j, answer in enumerate(factor.answers):
            if answer.citation and answer.citation.source not in known:
                loc: Loc = ("factors", index, "answers", j, "citation", "source")
                problems.append(Problem(loc, f"unknown source {answer.citation.source!r}"))
    for shape, risks in rules.risks.items():
        for index, risk in enumerate(risks):
            if risk.citation.source not in known:
                loc = ("risks", shape, index, "citation", "source")
                problems.append(Problem(loc, f"unknown source {risk.citation.source!r}"))
    return problems
