"""Who is acting, what their role may do, and which units' records they may see."""

from __future__ import annotations

from dataclasses import dataclass

from netwarden.errors import PermissionDenied

# What each role may do. Visibility of individual records is decided by unit, not here.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"reports.read", "reports.submit", "reports.relabel", "audit.read", "users.manage",
                        "identifiers.unmask", "series.judge"}),
    "supervisor": frozenset({"reports.read", "reports.submit", "reports.relabel", "identifiers.unmask",
                             "series.judge"}),
    "investigator": frozenset({"reports.read", "reports.submit", "reports.relabel", "identifiers.unmask",
                               "series.judge"}),
    "analyst": frozenset({"reports.read", "reports.submit", "reports.relabel", "series.judge"}),
    "partner": frozenset({"reports.read", "reports.submit"}),
    "system": frozenset({"reports.read", "reports.submit", "reports.relabel", "audit.read", "users.manage",
                         "identifiers.unmask", "series.judge"}),
    "public": frozenset({"reports.submit_public"}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The subject of every service call: a console user, an API token, the CLI, or the public."""

    label: str
    role: str
    user_id: int | None = None
    unit_id: int | None = None
    # None means every unit (administrators and the local CLI operator).
    visible_units: frozenset[int] | None = None
    cleared: bool = False
    client: str = ""
    language: str | None = None

    def can(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDenied(f"the role {self.role!r} may not {permission}", permission=permission)

    def sees_unit(self, unit_id: int | None) -> bool:
        return self.visible_units is None or unit_id in self.visible_units

    @classmethod
    def cli(cls, who: str = "cli") -> Actor:
        """The operator at the server's own command line: full access, audited as such."""
        return cls(label=who, role="system", cleared=True)

    @classmethod
    def public(cls, client: str, language: str | None = None) -> Actor:
        return cls(label=f"public:{client}", role="public", client=client, language=language)
