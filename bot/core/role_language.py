"""Whose language a question is in: a map from a sentence vector to each role, fitted on the knowledge
base's own phrases and example questions.

The semantic matcher ranks topics by the one phrase or example nearest the question. Between neighbouring
roles (the CEO's company strategy and the COO's operational strategy, the CMO's positioning and the CPO's
product marketing) that one nearest phrase is a thin reading: a question may come a hair closer to one
phrase of a role whose phrases, taken together, it is otherwise nothing like. A linear map fitted on every
phrase and example of every role learns which directions of the vector space tell the roles apart, and
scores the question against all of a role's language at once (`Engine.rank` asks it only to choose between
two roles' topics that score alike: `in_its_roles_language` in bot/core/answer.py).

Ridge regression onto each role's indicator, solved in closed form with numpy: one 385×385 system per
knowledge-base revision over its ~16,500 vectors (0.09–0.66 s on a busy 2-core machine, kept on disk beside
the entry vectors so that a new process reads it back: `SemanticMatcher.role_scores`), and a 385×10 product a
question (0.09 ms).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

RIDGE = 1.0  # the fit's penalty on large weights: 0.1 and 1.0 rank the same questions alike (2026-12-06)


class RoleLanguage:
    """Each role's score for a sentence vector: near 1 for a role whose language it is, near 0 for others."""

    def __init__(self, roles: Sequence[str], weights: np.ndarray):
        """`weights`, one column a role of `roles` (distinct, in order), as `fit` finds them."""
        self.roles = tuple(roles)
        self.weights = weights

    @classmethod
    def fit(cls, vectors: np.ndarray, roles: Sequence[str]) -> RoleLanguage:
        """Fitted on `vectors` (one per row, unit length), `roles[i]` the role whose phrase row `i` is."""
        distinct = in_order(roles)
        index = {role: position for position, role in enumerate(distinct)}
        targets = np.zeros((len(roles), len(distinct)))
        targets[np.arange(len(roles)), [index[role] for role in roles]] = 1.0
        inputs = with_bias(vectors)
        return cls(distinct, np.linalg.solve(inputs.T @ inputs + RIDGE * np.eye(inputs.shape[1]), inputs.T @ targets))

    def scores(self, vector: np.ndarray) -> dict[str, float]:
        """Each role's score for one sentence vector."""
        values = with_bias(vector[np.newaxis, :])[0] @ self.weights
        return {role: float(value) for role, value in zip(self.roles, values, strict=True)}


def in_order(roles: Sequence[str]) -> tuple[str, ...]:
    """Each role once, in the order first seen: the order of the weights' columns (`RoleLanguage.fit`)."""
    return tuple(dict.fromkeys(roles))


def with_bias(vectors: np.ndarray) -> np.ndarray:
    """`vectors` with a column of ones: the fit's intercept."""
    return np.hstack((vectors, np.ones((len(vectors), 1))))
