"""The role whose language a sentence vector is in (`RoleLanguage`), on vectors made here: two roles whose
phrases lie in different directions, and a question between them."""

import numpy as np
import pytest

from bot.core.role_language import RoleLanguage


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float64)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def language() -> RoleLanguage:
    rng = np.random.default_rng(7)
    finance = [unit(1.0, 0.1 * rng.standard_normal(), 0.1 * rng.standard_normal()) for _ in range(20)]
    people = [unit(0.1 * rng.standard_normal(), 1.0, 0.1 * rng.standard_normal()) for _ in range(20)]
    return RoleLanguage.fit(np.stack(finance + people), ["CFO"] * 20 + ["CHRO"] * 20)


def test_each_role_is_scored_once_in_the_order_first_seen(language):
    assert language.roles == ("CFO", "CHRO")
    assert set(language.scores(unit(1, 0, 0))) == {"CFO", "CHRO"}


def test_a_vector_in_one_roles_direction_scores_that_role_near_one_and_the_other_near_zero(language):
    finance = language.scores(unit(1, 0, 0))
    assert finance["CFO"] == pytest.approx(1.0, abs=0.15) and finance["CHRO"] == pytest.approx(0.0, abs=0.15)
    people = language.scores(unit(0, 1, 0))
    assert people["CHRO"] > people["CFO"] + 0.7


def test_a_vector_leaning_towards_one_role_scores_it_higher(language):
    leaning = language.scores(unit(0.6, 0.4, 0))
    assert leaning["CFO"] > leaning["CHRO"]
