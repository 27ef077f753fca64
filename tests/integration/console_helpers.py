"""Drive the console through HTTP as a browser would: fetch the form, copy its CSRF token, post."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from httpx import Response

from tests.conftest import PASSWORD

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
