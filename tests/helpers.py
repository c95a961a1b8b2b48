"""Assertions and persona lists the view tests share (test data is built in `tests/factories.py`)."""

from __future__ import annotations

READ_ONLY = ["kepala", "eve"]
OUTSIDERS = ["charlie", "dave"]


def assert_refused_read_only(response) -> None:
    assert response.status_code == 403
    assert response["HX-Retarget"] == "#editor-alert"


def assert_login_redirect(response) -> None:
    """An anonymous htmx request sends the whole page to the login form (a plain request gets a 302)."""
    assert response.status_code == 401
    assert response["HX-Redirect"].startswith("/masuk/?next=")
