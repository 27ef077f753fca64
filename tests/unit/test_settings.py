from __future__ import annotations

import pytest

from netwarden.errors import ConfigError
from netwarden.settings import DEVELOPMENT_SECRET, Settings


def test_development_runs_with_the_development_secret() -> None:
    assert Settings(env="development").secret_key == DEVELOPMENT_SECRET


@pytest.mark.parametrize("secret", [DEVELOPMENT_SECRET, "changeme", "", "short-but-custom"])
def test_production_refuses_default_or_weak_secrets(secret: str) -> None:
    with pytest.raises(ConfigError, match="NETWARDEN_SECRET_KEY"):
        Settings(env="production", secret_key=secret)


def test_production_starts_with_a_real_secret() -> None:
    assert Settings(env="production", secret_key="x" * 48).env == "production"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWARDEN_DATABASE_URL", "sqlite:////tmp/elsewhere.db")
    monkeypatch.setenv("NETWARDEN_FREEZE_WINDOW_HOURS", "72")
    settings = Settings()
    assert settings.database_url == "sqlite:////tmp/elsewhere.db"
    assert settings.freeze_window_hours == 72
