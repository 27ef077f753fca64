"""Alembic environment: the URL comes from the Config built in netwarden.db.migrate."""

from __future__ import annotations

from alembic import context

import netwarden.db.models  # noqa: F401  (registers every table)
from netwarden.db.base import Base
from netwarden.db.engine import make_engine

config = context.config


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
