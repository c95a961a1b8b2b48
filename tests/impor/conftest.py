"""Helpers for the importer's tests: run the CLI, check that no table changed."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from tests.helpers import table_counts


def run_cli(*args: str) -> dict | str:
    """`renaksi import …` in-process; the parsed JSON with --json, else the text it printed."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return json.loads(out.getvalue()) if "--json" in args else out.getvalue() + err.getvalue()



@pytest.fixture
def counts_unchanged(db):
    """Asserts, after the test, that no table gained or lost a row."""
    before = table_counts()
    yield
    assert table_counts() == before


def browser_login(page, live_server, username: str = "alice") -> None:
    """In a real browser: log in (the window wide enough for the preview's tables)."""
    from django.urls import reverse

    from tests.conftest import ARTIFACTS
    from tests.factories import PASSWORD

    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit], form input[type=submit]")


def browser_upload(page, live_server, *, nama: str, data: bytes, mime: str, tahun: str = "2025") -> None:
    """In a real browser: alice logs in and uploads a document for her PD; the page is then its preview."""
    from django.urls import reverse

    browser_login(page, live_server)
    page.goto(live_server.url + reverse("import_upload"))
    page.set_input_files("input[type=file]", files=[{"name": nama, "buffer": data, "mimeType": mime}])
    page.fill("input[name=tahun]", tahun)
    page.click("#impor-submit")
    page.wait_for_url("**/impor/*/")
