"""The database tables. Rows are translated to and from the core's pydantic models by the repository.

Every table the app needs, knowledge and per-workspace alike, is declared on one metadata for Alembic:
here, except slack_sdk's OAuth tables (`slack_install_tables.py`, kept out of a question's imports). Text
columns take their sizes from `bot.core.limits`, which the models check before anything is written. `kb_state`
holds the knowledge base's revision: every write bumps it, and each web process compares it with the
revision its matcher was built from, so a change shows in every process at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import true as sa_true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.core import limits
from bot.core.clock import utcnow


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JSON, list[Any]: JSON}


class KbState(Base):
    __tablename__ = "kb_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    seed_digest: Mapped[str | None] = mapped_column(String(64))
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    review_days: Mapped[int] = mapped_column(Integer, default=180, server_default="180")  # how long a review holds


class RoleRow(Base):
    __tablename__ = "roles"
    id: Mapped[str] = mapped_column(String(limits.ROLE_ID), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(limits.NAME))
    focus: Mapped[str] = mapped_column(Text)
    combines: Mapped[list[Any]] = mapped_column(default=list)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)  # in the default organisation
    is_fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    usual_cover: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    posts: Mapped[list[Any]] = mapped_column(default=list)


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String(limits.SLUG), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    seed: Mapped[str | None] = mapped_column(String(limits.NAME))


class ResponsibilityRow(Base):
    __tablename__ = "responsibilities"
    id: Mapped[str] = mapped_column(String(limits.SLUG), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(limits.TITLE))
    owner: Mapped[str] = mapped_column(ForeignKey("roles.id"))
    specialist: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # {role, reasoning, citation}
    shared_with: Mapped[list[Any]] = mapped_column(default=list)
    shared_note: Mapped[str | None] = mapped_column(Text)
    shared_parts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    examples: Mapped[list[Any]] = mapped_column(default=list)
    reasoning: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    quote: Mapped[str] = mapped_column(Text)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(limits.SLACK_ID))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # an edit, or "still right"
    reviewed_by: Mapped[str | None] = mapped_column(String(limits.SLACK_ID))


class AliasRow(Base):
    __tablename__ = "aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    responsibility_id: Mapped[str] = mapped_column(ForeignKey("responsibilities.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(limits.TITLE))


class SynonymGroupRow(Base):
    __tablename__ = "synonym_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    words: Mapped[list[Any]] = mapped_column()


class OrgRow(Base):
    __tablename__ = "orgs"
    team_id: Mapped[str] = mapped_column(String(limits.SLACK_ID), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(limits.NAME))
    fallback: Mapped[str] = mapped_column(String(limits.ROLE_ID))
    admins: Mapped[list[Any]] = mapped_column(default=list)
    digest: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())  # the weekly digest DM
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(limits.SLACK_ID))


class OrgRoleRow(Base):
    __tablename__ = "org_roles"
    team_id: Mapped[str] = mapped_column(ForeignKey("orgs.team_id", ondelete="CASCADE"), primary_key=True)
    role_id: Mapped[str] = mapped_column(String(limits.ROLE_ID), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    holder: Mapped[str | None] = mapped_column(String(limits.SLACK_ID))
    covers: Mapped[list[Any]] = mapped_column(default=list)


class OverrideRow(Base):
    __tablename__ = "overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("orgs.team_id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(limits.ROLE_ID))
    reason: Mapped[str | None] = mapped_column(Text)
    consult: Mapped[list[Any] | None] = mapped_column(JSON)  # None: the knowledge base's roles to consult
    responsibility_id: Mapped[str | None] = mapped_column(String(limits.SLUG))


# --- Slack app: event de-duplication, feedback (installations: slack_install_tables.py) -----------------


class ProcessedEvent(Base):
    """Slack events taken on, and how far each got: `claimed` (by the holder of `token`, at `claimed_at`),
    `replying` (its reply is on its way to Slack) or `answered`. The primary key makes a retried event's
    second insert conflict; `payload` is the event as Slack sent it, until it is answered, so any process
    can answer a claim whose holder died."""

    __tablename__ = "processed_events"
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str | None] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    state: Mapped[str] = mapped_column(String(10), default="claimed", server_default="answered", index=True)
    token: Mapped[str | None] = mapped_column(String(32))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    payload: Mapped[str | None] = mapped_column(Text)


class FeedbackRow(Base):
    """One person's 👍 / 👎 on one answer message; voting again changes the vote, never adds one."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("team_id", "channel_id", "message_ts", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(40), index=True)
    channel_id: Mapped[str] = mapped_column(String(40))
    message_ts: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str] = mapped_column(String(40))
    responsibility_id: Mapped[str | None] = mapped_column(String(80), index=True)
    question: Mapped[str] = mapped_column(Text)
    vote: Mapped[int] = mapped_column(Integer)  # +1 or -1
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TopicRequestRow(Base):
    """Something a person asked the admins for: a topic added ("Ask an admin to add this"), or, after a 👎,
    who should own an answer and anything else they wanted to say. One per person per question and kind."""

    __tablename__ = "topic_requests"
    __table_args__ = (UniqueConstraint("team_id", "user_id", "kind", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(40), index=True)
    user_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))  # "add" or "feedback"
    key: Mapped[str] = mapped_column(String(300))  # the question's canonical terms, and the answer's topic
    question: Mapped[str] = mapped_column(Text)
    responsibility_id: Mapped[str | None] = mapped_column(String(80))  # the answer voted down (feedback)
    owner: Mapped[str | None] = mapped_column(Text)  # who should own it, in the person's words
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --- Admin: questions the bot could not answer, and the audit log -------------------------------------
class UnansweredRow(Base):
    __tablename__ = "unanswered_questions"
    __table_args__ = (UniqueConstraint("team_id", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(40), index=True)
    key: Mapped[str] = mapped_column(String(200))  # the normalised topic, so rephrasings count together
    text: Mapped[str] = mapped_column(Text)  # the latest wording
    count: Mapped[int] = mapped_column(Integer, default=1)
    first_asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditRow(Base):
    """Every change: who, when, what, and the entity before and after (None where it did not exist)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str | None] = mapped_column(String(40), index=True)
    actor: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reverts: Mapped[int | None] = mapped_column(Integer)  # the audit entry this change undid
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


# --- Slack surfaces: welcomes sent, the topic of each conversation, what a person is looking at --------
class WelcomeRow(Base):
    """A welcome already sent: the installer's (`kind` "install", `user_id` "") or a person's first Home visit."""

    __tablename__ = "welcomes"
    team_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ConversationTopicRow(Base):
    """The topic a DM conversation or thread last got an answer about, so "why?" knows what it asks about.

    `thread_ts` "" is the DM as a whole (its latest answer, in whichever thread it was given).
    """

    __tablename__ = "conversation_topics"
    team_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(40), primary_key=True)
    responsibility_id: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class AppContextRow(Base):
    """The channel a person was last looking at while the app's conversation was open (`app_context_changed`)."""

    __tablename__ = "app_contexts"
    team_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel_id: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PersonNameRow(Base):
    """A Slack user's name as `users.info` last gave it (or a `user_change` event), so answers can name the
    role holders without mentioning them; shared by every web process, refreshed when it grows old."""

    __tablename__ = "person_names"
    team_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(limits.NAME))
    title: Mapped[str] = mapped_column(String(limits.NAME), default="")  # their profile's title, for holder checks
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)  # deactivated
    bot: Mapped[bool] = mapped_column(Boolean, default=False)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PeopleListingRow(Base):
    """When a workspace's people were last listed (`users.list`) into `person_names`: the rows fetched since
    are its people as holder suggestions see them, until the listing grows old."""

    __tablename__ = "people_listings"
    team_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    listed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DigestRow(Base):
    """A workspace's weekly digest, claimed by the one process that sends it: the primary key makes a
    second process's claim of the same week conflict. `outcome`: sending, sent, or skipped (nothing to say)."""

    __tablename__ = "digests"
    team_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    week: Mapped[str] = mapped_column(String(10), primary_key=True)  # ISO week, "2026-W49"
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    outcome: Mapped[str] = mapped_column(String(10), default="sending")
