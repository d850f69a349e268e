"""Welcomes that are sent once: to the installer of a workspace, and to each person on a first Home visit.

A welcome is claimed in the database before it is sent, so two web processes (or a retried event) never
send it twice; a welcome whose sending fails is not retried.
"""

from __future__ import annotations

from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

INSTALL = "install"
HOME = "home"


class Welcomes:
    def __init__(self, db: Database):
        self.db = db

    def claim_install(self, team_id: str) -> bool:
        """True the first time for a workspace: its installer is to be welcomed now."""
        return self._claim(team_id, INSTALL, "")

    def claim_home(self, team_id: str, user_id: str) -> bool:
        """True on a person's first visit to the App Home."""
        return self._claim(team_id, HOME, user_id)

    def _claim(self, team_id: str, kind: str, user_id: str) -> bool:
        with unit_of_work(self.db) as store:
            return store.welcomes.claim(team_id, kind, user_id)
