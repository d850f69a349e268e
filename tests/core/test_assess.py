"""The CPTO assessment: each answer pushes the documented way, the hard condition holds, flips are real."""

import itertools
import shutil
from pathlib import Path

import pytest

from bot.core.assess import assess, score
from bot.core.assess_answers import check_answers
from bot.core.assess_files import load_answers, load_rules
from bot.core.problems import InvalidInput
from bot.core.yamlfile import InvalidFile
from tests.conftest import KNOWLEDGE_DIR
from tests.core.test_knowledge_files import squash, stored_text

# What the articles say each answer does (written here, apart from the rules file, so a change of
# direction in the data has to be made on purpose in both places).
DIRECTIONS = [
    ("stage", "startup", "combine"),
    ("stage", "scaleup", "combine"),
    ("stage", "enterprise", "separate"),
    ("product_market_fit", "found", "combine"),
    ("product_market_fit", "searching", "separate"),
    ("tech_stability_work", "heavy", "separate"),
    ("tech_stability_work", "light", "combine"),
    ("product_led", True, "combine"),
    ("product_led", False, "neutral"),
    ("digital_transformation", True, "combine"),
    ("digital_transformation", False, "neutral"),
    ("rapid_iteration", True, "combine"),
    ("rapid_iteration", False, "neutral"),
    ("leader_with_both_skills", True, "combine"),
    ("leader_with_both_skills", False, "separate"),
    ("product_tech_friction", True, "combine"),
    ("product_tech_friction", False, "neutral"),
]
RANK = {"separate": -1, "neutral": 0, "combine": 1}


@pytest.fixture(scope="module")
def rules():
    return load_rules(KNOWLEDGE_DIR)


def every_answer_set(rules):
    for values in itertools.product(*[[a.value for a in f.answers] for f in rules.factors]):
        yield dict(zip([f.id for f in rules.factors], values, strict=True))


def test_the_direction_table_covers_every_answer_in_the_rules(rules):
    assert {(f.id, a.value) for f in rules.factors for a in f.answers} == {(f, v) for f, v, _ in DIRECTIONS}


@pytest.mark.parametrize(("factor", "value", "direction"), DIRECTIONS)
def test_each_answer_moves_the_score_the_documented_way(rules, factor, value, direction):
    answers = check_answers(rules, {factor: value})
    result = assess(rules, answers)
    pushed = [f for f in result.factors if f.factor == factor]
    if direction == "neutral":
        assert pushed == []
    else:
        (entry,) = pushed
        assert entry.direction == direction and entry.weight > 0
        assert entry.source.title and entry.source.quote and entry.reason
    for other_value, other_direction in [(v, d) for f, v, d in DIRECTIONS if f == factor and d != direction]:
        other = score(rules, {**answers, factor: other_value}).score
        assert (result.score > other) == (RANK[direction] > RANK[other_direction]), (other_value, result.score, other)


def test_the_score_is_the_sum_of_the_weights_shown(rules):
    for answers in every_answer_set(rules):
        result = assess(rules, answers)
        shown = sum(f.weight if f.direction == "combine" else -f.weight for f in result.factors)
        assert result.score == shown


def test_without_a_leader_with_both_skills_it_never_recommends_combining(rules):
    outcomes = {assess(rules, a).recommendation for a in every_answer_set(rules) if not a["leader_with_both_skills"]}
    assert outcomes == {"separate"}


def test_everything_else_for_combining_still_gives_separate_without_the_leader(rules):
    keen = check_answers(
        rules,
        {"stage": "startup", "product_led": True, "digital_transformation": True, "rapid_iteration": True},
    )
    assert assess(rules, {**keen, "leader_with_both_skills": True}).recommendation == "combine"
    result = assess(rules, keen)
    assert (result.recommendation, result.ruled_out) == ("separate", ["combine"])
    assert result.score >= rules.thresholds.combine_at
    (veto,) = [f for f in result.factors if f.rules_out]
    assert "only possible if the CPTO possesses a strong understanding of both domains" in veto.source.quote


def test_every_flip_listed_changes_the_outcome_and_no_other_single_change_does(rules):
    for answers in itertools.islice(every_answer_set(rules), 0, None, 7):
        result = assess(rules, answers)
        listed = {(f.factor, f.to): f.recommendation for f in result.flip}
        for factor in rules.factors:
            for alternative in factor.answers:
                if alternative.value == answers[factor.id]:
                    continue
                changed = assess(rules, {**answers, factor.id: alternative.value}).recommendation
                if changed == result.recommendation:
                    assert (factor.id, alternative.value) not in listed
                else:
                    assert listed[(factor.id, alternative.value)] == changed


def test_the_default_answers_flip_to_combine_with_a_leader_who_has_both_skills(rules):
    result = assess(rules, check_answers(rules, {}))
    assert result.recommendation == "separate"
    assert [(f.factor, f.to, f.recommendation) for f in result.flip] == [("leader_with_both_skills", True, "combine")]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"stage": "enterprise", "leader_with_both_skills": True}, ("borderline", 1)),
        ({"stage": "enterprise", "leader_with_both_skills": True, "product_tech_friction": True}, ("combine", 2)),
        ({"stage": "enterprise", "product_market_fit": "searching", "leader_with_both_skills": True}, ("separate", -2)),
        (
            {
                "stage": "enterprise",
                "product_market_fit": "searching",
                "leader_with_both_skills": True,
                "product_tech_friction": True,
            },
            ("borderline", -1),
        ),
    ],
)
def test_scores_inside_the_band_are_borderline_and_its_edges_are_not(rules, answers, expected):
    result = assess(rules, check_answers(rules, answers))
    assert (result.recommendation, result.score) == expected


def test_borderline_names_the_risks_of_both_shapes_and_a_decided_one_only_its_own(rules):
    borderline = assess(rules, check_answers(rules, {"stage": "enterprise", "leader_with_both_skills": True}))
    assert {r.shape for r in borderline.risks} == {"combine", "separate"}
    separate = assess(rules, check_answers(rules, {}))
    assert {r.shape for r in separate.risks} == {"separate"}


def test_a_cpto_is_warned_of_overload_and_of_having_no_counterpart_and_told_what_to_do(rules):
    result = assess(rules, check_answers(rules, {"stage": "startup", "leader_with_both_skills": True}))
    assert result.recommendation == "combine"
    risks = {r.risk: r for r in result.risks}
    overload = next(r for text, r in risks.items() if "overloaded" in text)
    counterpart = next(r for text, r in risks.items() if "counterpart" in text)
    assert "overloading one person" in overload.source.quote
    assert "senior business stakeholders" in counterpart.mitigation
    assert counterpart.source.url is None and "Exclaimer" in counterpart.source.title


def test_every_quote_occurs_verbatim_in_the_seed_it_cites(rules):
    texts = {s.id: squash(stored_text(s)) for s in rules.sources}
    citations = [a.citation for f in rules.factors for a in f.answers if a.citation]
    citations += [r.citation for risks in rules.risks.values() for r in risks]
    assert len(citations) >= 15
    assert [c.quote for c in citations if squash(c.quote) not in texts[c.source]] == []
    assert all(len(c.quote) <= 300 for c in citations)


def test_left_out_answers_take_the_defaults(rules):
    answers = check_answers(rules, {"stage": "startup"})
    assert answers == {f.id: f.default for f in rules.factors} | {"stage": "startup"}
    assert check_answers(rules, None) == check_answers(rules, {})


def test_unknown_questions_and_answers_are_named(rules):
    with pytest.raises(InvalidInput) as caught:
        check_answers(rules, {"stage": "huge", "product_led": "maybe", "budget": 3})
    assert [str(p) for p in caught.value.problems] == [
        "stage: 'huge' is not an answer (expected startup, scaleup or enterprise)",
        "product_led: 'maybe' is not an answer (expected true or false)",
        "budget: unknown question (expected one of: " + ", ".join(f.id for f in rules.factors) + ")",
    ]
    with pytest.raises(InvalidInput, match="expected a mapping"):
        check_answers(rules, ["stage", "startup"])


def test_a_bad_answers_file_names_file_line_and_field(rules, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("stage: startup\nleader_with_both_skills: perhaps\n")
    with pytest.raises(InvalidFile) as caught:
        load_answers(path, rules)
    assert caught.value.messages == [
        f"{path}:2: leader_with_both_skills: 'perhaps' is not an answer (expected true or false)"
    ]


def broken_rules(tmp_path: Path, old: str, new: str) -> Path:
    shutil.copy(KNOWLEDGE_DIR / "sources.yaml", tmp_path / "sources.yaml")
    text = (KNOWLEDGE_DIR / "assessment.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "assessment.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "message", "line_has"),
    [
        (
            "source: ctoacademy-cpto",
            "source: cto-academy",
            "factors[0].answers[0].citation.source: unknown source 'cto-academy'",
            "cto-academy",
        ),
        (
            "default: scaleup",
            "default: midsize",
            "factors[0]: default 'midsize' is not one of the answers",
            "id: stage",
        ),
        (
            "weight: 2",
            "weight: 0",
            "factors[0].answers[0]: weight must be 0 exactly when direction is neutral",
            "value: startup",
        ),
        (
            "combine_at: 2",
            "combine_at: high",
            "thresholds.combine_at: Input should be a valid integer, unable to parse string as an integer",
            "combine_at",
        ),
    ],
)
def test_a_broken_rules_file_is_reported_with_file_line_and_field(tmp_path, old, new, message, line_has):
    folder = broken_rules(tmp_path, old, new)
    with pytest.raises(InvalidFile) as caught:
        load_rules(folder)
    (reported,) = caught.value.messages
    path = folder / "assessment.yaml"
    assert reported.startswith(f"{path}:") and reported.endswith(message), reported
    line = int(reported.removeprefix(f"{path}:").split(":")[0])
    assert line_has in path.read_text(encoding="utf-8").splitlines()[line - 1]
