"""Persistence: SQLAlchemy 2.0 tables, the repository the core and Slack layers call, Alembic migrations."""
