"""What every CLI command shares: settings from the environment, a database session, the console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from sqlalchemy.orm import Session

from netwarden.db.engine import make_engine, make_sessionmaker
from netwarden.settings import Settings

console = Console()
err_console = Console(stderr=True)


def load_settings() -> Settings:
    return Settings()


@contextmanager
def unit_of_work(settings: Settings) -> Iterator[Session]:
    """A CLI command is one unit of work: committed when it ends well, rolled back otherwise."""
    engine = make_engine(settings.database_url)
    session = make_sessionmaker(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        engine.dispose()
