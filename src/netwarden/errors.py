"""netwarden's one error hierarchy, mapped to HTTP statuses and CLI exit codes in one place.

    NetwardenError            500 / exit 1   anything we raise on purpose
    ├── ConfigError           500 / exit 6   settings that cannot work (e.g. default secret in production)
    ├── InputError            422 / exit 3   a file or request that cannot be read at all
    │   └── PayloadTooLarge   413 / exit 3   a body, line or field over its size limit
    ├── AuthError             401 / exit 7   not logged in, bad token, bad password
    │   └── AccountLocked     423 / exit 7   too many failed log-ins
    ├── NotFoundError         404 / exit 4   missing OR not visible to this user (same answer on purpose)
    ├── PermissionDenied      403 / exit 7   the role may not do this at all (never used to hide records)
    ├── ConflictError         409 / exit 5   the write contradicts what is stored
    └── RateLimited           429 / exit 8   too many submissions from one client

Row-level problems in a batch are not exceptions: they become rejected rows and the batch goes on.
"""

from __future__ import annotations


class NetwardenError(Exception):
    status_code = 500
    exit_code = 1
    code = "error"

    def __init__(self, detail: str, **params: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.params = params


class ConfigError(NetwardenError):
    exit_code = 6
    code = "config"


class InputError(NetwardenError):
    status_code = 422
    exit_code = 3
    code = "input"


class PayloadTooLarge(InputError):
    status_code = 413
    code = "too_large"


class AuthError(NetwardenError):
    status_code = 401
    exit_code = 7
    code = "auth"


class AccountLocked(AuthError):
    status_code = 423
    code = "locked"


class NotFoundError(NetwardenError):
    status_code = 404
    exit_code = 4
    code = "not_found"


class PermissionDenied(NetwardenError):
    status_code = 403
    exit_code = 7
    code = "forbidden"


class ConflictError(NetwardenError):
    status_code = 409
    exit_code = 5
    code = "conflict"


class RateLimited(NetwardenError):
    status_code = 429
    exit_code = 8
    code = "rate_limited"
