"""A database that is busy (SQLite "database is locked", a PostgreSQL deadlock) answers 503 "coba lagi", never 500.

The lock is simulated here (a service raising what SQLite raises after its busy timeout); the real concurrent saves
are tests/perencanaan/test_concurrent_save.py.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import OperationalError
from django.urls import reverse

from renaksi.core.db import database_busy
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi


class _PgError(Exception):
    def __init__(self, sqlstate):
        self.sqlstate = sqlstate


def _wrapped(sqlstate: str) -> OperationalError:
    exc = OperationalError("could not serialize access")
    exc.__cause__ = _PgError(sqlstate)
    return exc


@pytest.mark.parametrize(("exc", "busy"), [
    (OperationalError("database is locked"), True),
    (OperationalError("database table is locked: perencanaan_aksi"), True),
    (_wrapped("40P01"), True),  # deadlock_detected
    (_wrapped("40001"), True),  # serialization_failure
    (_wrapped("55P03"), True),  # lock_not_available
    (OperationalError("no such table: perencanaan_aksi"), False),
    (_wrapped("42P01"), False),
    (ValueError("database is locked"), False),
])
def test_what_counts_as_busy(exc, busy):
    assert database_busy(exc) is busy


@pytest.fixture
def locked(monkeypatch):
    def aksi_update(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(svc, "aksi_update", aksi_update)


def _post(client, world, **extra):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan, sub_kegiatan__bidang=world.bidang_politik).first()
    client.force_login(world.kabid)
    data = {"nomor": "1", "uraian": "Rapat", "keluaran": "", "target": "", "pagu": "", "penanggung_jawab": "",
            "pejabat": ""}
    return client.post(reverse("aksi_edit", args=[aksi.pk]), data, **extra)


def test_an_htmx_save_gets_503_with_the_message_in_the_editor_alert(client, world, locked):
    response = _post(client, world, HTTP_HX_REQUEST="true")
    assert response.status_code == 503
    assert response["HX-Retarget"] == "#editor-alert" and response["Retry-After"]
    html = response.content.decode()
    assert "sedang sibuk" in html and "coba lagi" in html and "<html" not in html


def test_a_plain_request_gets_the_503_page(client, world, locked):
    response = _post(client, world)
    assert response.status_code == 503
    html = response.content.decode()
    assert "<html" in html and "coba lagi" in html


def test_any_other_database_error_is_not_disguised(client, world, monkeypatch):
    def aksi_update(**kwargs):
        raise OperationalError("no such column: uraian")

    monkeypatch.setattr(svc, "aksi_update", aksi_update)
    with pytest.raises(OperationalError):
        _post(client, world)


def test_sqlite_is_opened_for_several_users_at_once():
    """WAL, a busy timeout and IMMEDIATE transactions, only when the database is SQLite (checked live, on a file
    database, by test_concurrent_save.py)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        assert "transaction_mode" not in database.get("OPTIONS", {})
        return
    options = database["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
