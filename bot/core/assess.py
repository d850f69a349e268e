"""The CPTO assessment: answers in, a sourced recommendation out — one CPTO, a CPO and a CTO, or borderline.

The score is the sum of each chosen answer's signed weight from the rules (`assess_rules`); thresholds
turn it into an outcome, and an answer that rules a shape out (no leader with both skills: never
combine) overrides the score. Which single change of answer would flip the outcome is found by trying
every alternative, so it can never disagree with the scoring itself.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from bot.core.assess_answers import Answers
from bot.core.assess_rules import OPPOSITE, AnswerValue, AssessmentRules, Outcome, Shape, Thresholds
from bot.core.models import Citation


class SourceQuote(BaseModel):
    id: str
    title: str
    url: str | None
    quote: str


class Pushed(BaseModel):
    """A factor whose answer pushed the score one way, with the article that says so."""

    factor: str
    title: str
    answer: AnswerValue
    label: str
    direction: Shape
    weight: int
    reason: str
    rules_out: Shape | None
    source: SourceQuote


class RiskNote(BaseModel):
    shape: Shape
    risk: str
    mitigation: str
    source: SourceQuote


class Flip(BaseModel):
    """One answer changed (`answer` -> `to`) and the outcome it would give instead."""

    factor: str
    title: str
    answer: AnswerValue
    to: AnswerValue
    to_label: str
    recommendation: Outcome
    score: int


class TopicMove(BaseModel):
    """A topic that changes hands under the recommended structure (`from` in JSON)."""

    model_config = ConfigDict(populate_by_name=True)
    id: str
    topic: str
    from_: str = Field(alias="from")
    to: str


class Assessment(BaseModel):
    recommendation: Outcome
    summary: str
    score: int
    thresholds: Thresholds
    ruled_out: list[Shape]
    answers: Answers
    factors: list[Pushed]
    risks: list[RiskNote]
    flip: list[Flip]
    moves: list[TopicMove] = []  # filled in for one organisation by `bot.core.restructure.with_moves`
    moves_summary: str | None = None

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


class Verdict(NamedTuple):
    outcome: Outcome
    score: int
    ruled_out: frozenset[Shape]


def score(rules: AssessmentRules, answers: Answers) -> Verdict:
    chosen = [factor.answer(answers[factor.id]) for factor in rules.factors]
    total = sum(answer.points for answer in chosen)
    ruled_out = frozenset(answer.rules_out for answer in chosen if answer.rules_out)
    return Verdict(_decide(rules.thresholds.band(total), ruled_out), total, ruled_out)


def assess(rules: AssessmentRules, answers: Answers) -> Assessment:
    verdict = score(rules, answers)
    pushed = []
    for factor in rules.factors:
        answer = factor.answer(answers[factor.id])
        if answer.direction != "neutral" and answer.citation:
            pushed.append(
                Pushed(
                    factor=factor.id,
                    title=factor.title,
                    answer=answer.value,
                    label=answer.label,
                    direction=answer.direction,
                    weight=answer.weight,
                    reason=answer.reason,
                    rules_out=answer.rules_out,
                    source=_quote(rules, answer.citation),
                )
            )
    shapes: tuple[Shape, ...] = ("combine", "separate") if verdict.outcome == "borderline" else (verdict.outcome,)
    risks = [
        RiskNote(shape=shape, risk=r.risk, mitigation=r.mitigation, source=_quote(rules, r.citation))
        for shape in shapes
        for r in rules.risks.get(shape, ())
    ]
    return Assessment(
        recommendation=verdict.outcome,
        summary=rules.outcomes[verdict.outcome],
        score=verdict.score,
        thresholds=rules.thresholds,
        ruled_out=sorted(verdict.ruled_out),
        answers=answers,
        factors=pushed,
        risks=risks,
        flip=flips(rules, answers, current=verdict.outcome),
    )


def flips(rules: AssessmentRules, answers: Answers, *, current: Outcome) -> list[Flip]:
    """Every single change of answer that gives another outcome, found by scoring each alternative."""
    found = []
    for factor in rules.factors:
        for alternative in factor.answers:
            if alternative.value == answers[factor.id]:
                continue
            verdict = score(rules, {**answers, factor.id: alternative.value})
            if verdict.outcome != current:
                found.append(
                    Flip(
                        factor=factor.id,
                        title=factor.title,
                        answer=answers[factor.id],
                        to=alternative.value,
                        to_label=alternative.label,
                        recommendation=verdict.outcome,
                        score=verdict.score,
                    )
                )
    return found


def _decide(band: Outcome, ruled_out: frozenset[Shape]) -> Outcome:
    """A ruled-out shape gives way to the other one; with both ruled out, nothing is certain."""
    if len(ruled_out) != 1:
        return "borderline" if ruled_out else band
    (out,) = ruled_out
    return OPPOSITE[out] if band in (out, "borderline") else band


def _quote(rules: AssessmentRules, citation: Citation) -> SourceQuote:
    source = rules.source(citation.source)
    return SourceQuote(id=source.id, title=source.title, url=source.url, quote=citation.quote)
