"""Drive the console through HTTP as a browser would: fetch the form, copy its CSRF token, post."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from netwarden.web.app import create_app
from tests.conftest import PASSWORD, World

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(page: Response) -> str:
    found = CSRF.search(page.text)
    assert found, "the page has no CSRF token"
    return found.group(1)


def log_in(client: TestClient, username: str, password: str = PASSWORD, next_url: str = "/queue") -> Response:
    form = client.get("/login")
    return client.post("/login", data={"username": username, "password": password, "next": next_url,
                                       "csrf_token": csrf_of(form)}, follow_redirects=False)


def submit_public(client: TestClient, **fields: str) -> Response:
    form = client.get("/report")
    return client.post("/report", data={"csrf_token": csrf_of(form), **fields})


def analyst_desk(world: World, rows: list[dict[str, object]]) -> TestClient:
    """The city unit's analyst: the rows arrive through the API with the analyst's token, then log-in."""
    with world.session() as session:
        token = users.create_api_token(session, actor=Actor.cli(), username="analyst", name="desk")
        session.commit()
    client = TestClient(create_app(world.settings, engine=world.engine))
    assert client.post("/api/v1/reports", json=rows, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    log_in(client, "analyst")
    return client
