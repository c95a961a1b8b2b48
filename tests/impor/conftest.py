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
