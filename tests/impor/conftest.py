"""Helpers for the importer's tests: run the CLI, count every table, import a seed once per module."""

from __future__ import annotations

import io
import json
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.helpers import table_counts


def run_cli(*args: str) -> dict | str:
    """`renaksi import …` in-process; the parsed JSON with --json, else the text it printed."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return json.loads(out.getvalue()) if "--json" in args else out.getvalue() + err.getvalue()


@contextmanager
def imported_once(django_db_blocker, *args: str):
    """Import through the CLI inside a transaction that is rolled back when the module's tests are done."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield run_cli(*args, "--json")
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def counts_unchanged(db):
    """Asserts, after the test, that no table gained or lost a row."""
    before = table_counts()
    yield
    assert table_counts() == before
