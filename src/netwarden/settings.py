"""Runtime configuration, read from the environment (prefix ``NETWARDEN_``) or passed in.

Settings are built once at the edge (CLI command, ``create_app``) and handed down; nothing reads
the environment at import time, so tests build their own ``Settings`` without touching ``os.environ``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from netwarden.errors import ConfigError

DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production"
DEVELOPMENT_SECRETS = frozenset({DEVELOPMENT_SECRET, "", "changeme", "secret"})

Environment = Literal["development", "test", "production"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NETWARDEN_", extra="ignore")

    env: Environment = "development"
    database_url: str = "sqlite:///./var/netwarden.db"
    secret_key: str = DEVELOPMENT_SECRET
    timezone: str = "Asia/Shanghai"
    default_region: str = "CN"
    default_currency: str = "CNY"
    default_language: Literal["zh-CN", "en"] = "zh-CN"

    # Which unit receives reports filed through the public form.
    public_intake_unit: str = "intake"

    # Limits that protect the service from oversize input.
    max_api_body_bytes: int = 10 * 1024 * 1024
    max_form_body_bytes: int = 256 * 1024
    max_text_chars: int = 100_000
    max_line_bytes: int = 5 * 1024 * 1024
    api_max_rows: int = 10_000

    # Console sessions and log-in protection.
    session_hours: float = 12.0
    lockout_after_failures: int = 5
    lockout_minutes: float = 15.0
    secure_cookies: bool = False

    # Public form: submissions per client per window.
    public_rate_limit: int = 5
    public_rate_window_seconds: int = 600

    # Money paid this recently before a report is still freezable (DOMAIN.md §8.2).
    freeze_window_hours: float = 48.0

    page_size: int = Field(default=50, ge=5, le=500)

    @model_validator(mode="after")
    def _refuse_default_secret_outside_development(self) -> Settings:
        if self.env == "production" and self.secret_key in DEVELOPMENT_SECRETS:
            raise ConfigError(
                "NETWARDEN_SECRET_KEY is unset or a known default; production refuses to start "
                "without a secret of its own (generate one with `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`)."
            )
        if self.env == "production" and len(self.secret_key) < 32:
            raise ConfigError("NETWARDEN_SECRET_KEY must be at least 32 characters in production.")
        return self

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
