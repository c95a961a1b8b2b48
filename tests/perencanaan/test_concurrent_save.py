"""Two kepala bidang save their own aksi at the same moment: every save is stored or told to try again, never a 500.

On SQLite (the default) two simultaneous saves answered 500 "database is locked" 9 times in 20 before the database
was opened in WAL mode with a busy timeout and IMMEDIATE transactions (config/settings/base.py). The saves run in a
process of their own (tests/perencanaan/serentak.py) against this run's database: a copy of it in a file on SQLite, the
test database itself on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from renaksi.perencanaan.models import Aksi

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20


def _database_url(tmp_path: Path) -> str:
    if connection.vendor == "sqlite":
        path = tmp_path / "renaksi.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])  # the committed world, in a file a server would use
        return f"sqlite:///{path}"
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_kepala_bidang_save_their_aksi_at_the_same_moment(world, tmp_path):
    pairs = [[user.pk, Aksi.objects.filter(rencana_aksi=world.plan, sub_kegiatan__bidang=user.bidang).first().pk]
             for user in (world.kabid, world.bob)]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "RENAKSI_DATA_DIR": str(tmp_path),
           "DATABASE_URL": _database_url(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("RENAKSI_SQLITE_TIMEOUT", None)
    spec = json.dumps({"rounds": ROUNDS, "pairs": pairs})
    run = subprocess.run([sys.executable, "-m", "tests.perencanaan.serentak", spec], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    if result["vendor"] == "sqlite":
        assert result["journal_mode"] == "wal"
        assert result["busy_timeout"] >= 5000
    responses = result["responses"]
    assert len(responses) == 2 * ROUNDS
    for r in responses:
        assert r["status"] in (200, 503), r
        if r["status"] == 200:
            assert r["stored"], r
        else:
            assert not r["stored"] and "coba lagi" in r["body"], r
    # Queued behind each other for at most the busy timeout, simultaneous saves of a few rows all succeed.
    assert [r["status"] for r in responses] == [200] * (2 * ROUNDS)
