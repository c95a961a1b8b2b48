"""`renaksi backup` / `renaksi restore`: every row and every uploaded file comes back identical, also across
database vendors (SQLite → PostgreSQL, or PostgreSQL → SQLite when the suite runs on PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from renaksi.core.backup import EXCLUDED, flush_database, media_files
from renaksi.pemeriksaan import api, services
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import RencanaAksi, SubKegiatan
from tests.factories import make_world

ROOT = Path(__file__).resolve().parents[2]
FILES = {"impor/AbCdEf123.bin": bytes(range(256)) * 40, "bukti/2024/laporan tw1.pdf": b"%PDF-1.4 uji\n\xe2\x82\xac"}


def _skip(model) -> bool:
    label = model._meta.label_lower
    return model._meta.app_label in EXCLUDED or label in EXCLUDED or model._meta.proxy


def everything() -> dict[str, list[dict]]:
    """Every row of every backed-up model, with natural keys for content types and permissions."""
    return {
        model._meta.label_lower: serializers.serialize(
            "python", model._default_manager.order_by("pk"), use_natural_foreign_keys=True)
        for model in apps.get_models() if not _skip(model)
    }


def _build(world) -> None:
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=12_000_000)
    (finding,) = [f for f in api.check_plan(world.plan) if f.rule == "pagu.rollup_mismatch"]
    services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="sesuai DPA 2024",
                                 by=world.alice)
    group = Group.objects.create(name="Operator")
    group.permissions.add(Permission.objects.get(codename="view_rencanaaksi"))
    world.eve.groups.add(group)
    for name, content in FILES.items():
        assert default_storage.save(name, ContentFile(content)) == name


def _files() -> dict[str, bytes]:
    result = {}
    for name in media_files():
        with default_storage.open(name, "rb") as handle:
            result[name] = handle.read()
    return result


@pytest.fixture
def built(db):
    # The in-memory test storage outlives a test (other tests on this worker leave bukti files in it): a backup is
    # of the whole instance, so start from an empty one.
    for name in media_files():
        default_storage.delete(name)
    world = make_world()
    _build(world)
    yield world
    for name in media_files():
        default_storage.delete(name)
    # Restoring recreated the content types inside the test's transaction, now rolled back: forget their ids.
    ContentType.objects.clear_cache()


def test_round_trip_restores_every_row_and_file(built, tmp_path):
    before, files = everything(), _files()
    assert before["perencanaan.historicalaksi"] and before["accounts.user"] and before["pemeriksaan.pengakuan"]
    assert files == FILES
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive), verbosity=0)

    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["jumlah_baris"]["perencanaan.rencanaaksi"] == 2
    assert set(manifest["sha256"]) == {"data.json", *(f"media/{name}" for name in FILES)}

    flush_database()
    for name in media_files():
        default_storage.delete(name)
    assert not RencanaAksi.objects.exists()

    call_command("restore", str(archive), verbosity=0)
    after = everything()
    assert after.keys() == before.keys()
    for label in before:
        assert len(after[label]) == len(before[label]), label
        for restored, original in zip(after[label], before[label], strict=True):
            assert restored == original, label
    assert _files() == FILES


def test_restore_refuses_a_database_that_holds_data(built, tmp_path):
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive), verbosity=0)
    svc.rencana_aksi_update(rencana_aksi=built.plan, judul="Judul sesudah cadangan")
    with pytest.raises(CommandError, match="Basis data ini tidak kosong .*--force"):
        call_command("restore", str(archive), verbosity=0)
    assert RencanaAksi.objects.get(pk=built.plan.pk).judul == "Judul sesudah cadangan"

    call_command("restore", str(archive), force=True, verbosity=0)
    assert RencanaAksi.objects.get(pk=built.plan.pk).judul != "Judul sesudah cadangan"
    assert _files() == FILES


def test_a_damaged_archive_is_refused_before_anything_changes(built, tmp_path):
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive), verbosity=0)
    damaged = tmp_path / "rusak.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, content + b"x" if item.filename.startswith("media/impor") else content)
    before = everything()
    with pytest.raises(CommandError, match="Cadangan rusak: isi media/impor/AbCdEf123.bin tidak cocok"):
        call_command("restore", str(damaged), force=True, verbosity=0)
    with pytest.raises(CommandError, match="bukan berkas cadangan Renaksi"):
        (tmp_path / "bukan.zip").write_bytes(b"bukan zip")
        call_command("restore", str(tmp_path / "bukan.zip"), verbosity=0)
    assert everything() == before


# --- across vendors ------------------------------------------------------------------------------------------------

PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def _pg_answers() -> bool:
    import psycopg

    try:
        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


def _manage(database_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", DEBUG="false", DATABASE_URL=database_url,
               RENAKSI_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def other_vendor_database(tmp_path):
    """A fresh empty database of the other vendor than the one the suite runs on."""
    if connection.vendor == "sqlite":
        if not _pg_answers():
            if os.environ.get("CI") == "true":
                pytest.fail(f"PostgreSQL tidak menjawab di {PG_SERVER}")
            pytest.skip(f"PostgreSQL tidak menjawab di {PG_SERVER}")
        import psycopg

        name = f"renaksi_cadangan_uji_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        yield f"{PG_SERVER}/{name}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield f"sqlite:///{tmp_path / 'pulih.sqlite3'}"


@pytest.mark.django_db
def test_a_backup_restores_into_the_other_database_vendor(built, tmp_path, other_vendor_database):
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive), verbosity=0)
    data_dir = tmp_path / "tujuan"
    data_dir.mkdir()
    _manage(other_vendor_database, data_dir, "restore", str(archive))
    again = tmp_path / "lagi.zip"
    _manage(other_vendor_database, data_dir, "backup", str(again))

    def rows(path):
        data = json.loads(zipfile.ZipFile(path).read("data.json"))
        return sorted(data, key=lambda row: (row["model"], str(row["pk"])))

    original, restored = rows(archive), rows(again)
    assert len(restored) == len(original)
    for got, want in zip(restored, original, strict=True):
        assert got == want
    assert any(row["model"] == "perencanaan.historicalaksi" for row in restored)
    manifest = json.loads(zipfile.ZipFile(again).read("manifest.json"))
    assert manifest["database"] != connection.vendor
    for name, content in FILES.items():
        assert (data_dir / "media" / name).read_bytes() == content
