"""Backup and restore of a whole Renaksi instance: the database and every uploaded file, in one ZIP archive.

The archive holds
- ``data.json``: every row of every model, Django's JSON serialization (as `dumpdata --natural-foreign`, but
  times keep their microseconds): users,
  plans, history tables, admin log. Content types and permissions are rebuilt by `migrate` and referenced by
  natural key, sessions are left out. JSON is vendor-neutral: a backup of SQLite restores into PostgreSQL and back.
- ``media/<name>``: every file of the default storage (MEDIA_ROOT on disk).
- ``manifest.json``: format version, Renaksi version, date, database vendor, the applied migrations, the row count
  per model and the SHA-256 of every member. Restore checks all of it before it touches the database.

Restore migrates the database, refuses one that already holds data (unless `force`, which empties it first),
loads the rows, writes the files and checks the counts; the database part is one transaction.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, time
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

FORMAT = 1
DATA = "data.json"
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
# Rebuilt by `migrate` (and referenced by natural key), or not worth keeping.
EXCLUDED = ("contenttypes", "auth.permission", "sessions")
# Rows that `migrate` itself creates: they do not make a database "not empty", and the archive replaces them.
FILLED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "sessions.session", "perencanaan.nomenklatur"}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message is for the administrator, in Indonesian."""


@dataclass
class Summary:
    rows: int
    files: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _models():
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    for model in apps.get_models():
        if model._meta.app_label in excluded_apps or model._meta.label_lower in excluded_models:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (DjangoJSONEncoder cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def write_rows(stream) -> None:
    """Every row of every backed-up model as Django JSON (what `loaddata` reads), models in dependency order."""
    by_app: dict = {}
    for model in _models():
        by_app.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    ordered = serializers.sort_dependencies(by_app.items(), allow_cycles=True)
    rows = chain.from_iterable(model._base_manager.order_by("pk").iterator() for model in ordered)
    serializers.serialize("json", rows, stream=stream, cls=ExactEncoder, use_natural_foreign_keys=True)


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._default_manager.count() for model in _models()}


def media_files(directory: str = "") -> list[str]:
    """Every file name in the default storage, recursively, sorted."""
    try:
        dirs, files = default_storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return []
    names = [f"{directory}/{name}" if directory else name for name in files]
    for sub in dirs:
        names += media_files(f"{directory}/{sub}" if directory else sub)
    return sorted(names)


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _renaksi_version() -> str:
    try:
        return version("renaksi")
    except PackageNotFoundError:
        return "tidak diketahui"


def create_backup(path: Path) -> Summary:
    """Write the archive to `path` (a new file; an existing one is replaced only when complete)."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DATA
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                # One snapshot of every table while people keep working: the rows and the counts agree.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            with dump.open("w", encoding="utf-8") as stream:
                write_rows(stream)
            counts = row_counts()
            migrations = _applied_migrations()
        data = dump.read_bytes()
        members = {DATA: _sha256(data)}
        partial = path.with_name(path.name + ".sebagian")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DATA, data)
            names = media_files()
            for name in names:
                with default_storage.open(name, "rb") as handle:
                    content = handle.read()
                archive.writestr(MEDIA_PREFIX + name, content)
                members[MEDIA_PREFIX + name] = _sha256(content)
            manifest = {
                "format": FORMAT,
                "renaksi": _renaksi_version(),
                "dibuat": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": connection.vendor,
                "migrasi": migrations,
                "jumlah_baris": counts,
                "sha256": members,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        partial.replace(path)
    return Summary(rows=sum(counts.values()), files=len(names))


def _read_archive(path: Path) -> tuple[dict, zipfile.ZipFile]:
    if not path.is_file():
        raise BackupError(f"Berkas cadangan {path} tidak ada.")
    try:
        archive = zipfile.ZipFile(path)
        manifest = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BackupError(f"{path} bukan berkas cadangan Renaksi yang utuh ({exc}).") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format cadangan {manifest.get('format')} tidak dikenal oleh versi Renaksi ini.")
    for name, digest in manifest["sha256"].items():
        if name != DATA and (not name.startswith(MEDIA_PREFIX) or ".." in name.split("/") or name.endswith("/")):
            raise BackupError(f"Nama berkas tidak sah di dalam cadangan: {name}.")
        try:
            content = archive.read(name)
        except KeyError as exc:
            raise BackupError(f"Cadangan tidak lengkap: {name} tidak ada di dalamnya.") from exc
        if _sha256(content) != digest:
            raise BackupError(f"Cadangan rusak: isi {name} tidak cocok dengan manifesnya.")
    return manifest, archive


def _check_migrations(manifest: dict) -> None:
    known = _applied_migrations()
    unknown = [f"{app}.{name}" for app, names in manifest["migrasi"].items() for name in names
               if name not in known.get(app, [])]
    if unknown:
        raise BackupError("Cadangan ini dibuat oleh versi Renaksi yang lebih baru (migrasi tidak dikenal: "
                          f"{', '.join(unknown[:5])}). Pasang versi itu dulu, lalu pulihkan.")


def database_holds_data() -> list[str]:
    """The models that hold rows a restore would overwrite (empty list: the database is empty)."""
    return [label for label, count in row_counts().items() if count and label not in FILLED_BY_MIGRATE]


def flush_database() -> None:
    """Delete every row (`flush`; migrate's content types and permissions are made again)."""
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with pending deferred-constraint checks from this transaction: run them first.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    call_command("flush", interactive=False, verbosity=0)


def restore_backup(path: Path, *, force: bool = False) -> Summary:
    path = Path(path)
    manifest, archive = _read_archive(path)
    with archive:
        call_command("migrate", interactive=False, verbosity=0)
        _check_migrations(manifest)
        filled = database_holds_data()
        existing_files = media_files()
        if (filled or existing_files) and not force:
            where = ", ".join(filled[:5]) or f"{len(existing_files)} berkas unggahan"
            raise BackupError(
                f"Basis data ini tidak kosong ({where}). Pemulihan hanya ke instalasi kosong; "
                "tambahkan --force untuk MENGHAPUS semua data yang ada lalu memulihkan cadangan."
            )
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / DATA
            dump.write_bytes(archive.read(DATA))
            with transaction.atomic():
                flush_database()
                # History rows come from the archive: loading must not add its own (django-simple-history
                # records many-to-many changes made while loading; the setting is read at run time).
                with override_settings(SIMPLE_HISTORY_ENABLED=False):
                    call_command("loaddata", str(dump), verbosity=0)
                counts = row_counts()
                wrong = {label: (counts.get(label), expected) for label, expected in manifest["jumlah_baris"].items()
                         if counts.get(label) != expected}
                if wrong:
                    raise BackupError(f"Jumlah baris setelah pemulihan tidak cocok dengan cadangan: {wrong}.")
        for name in existing_files:
            default_storage.delete(name)
        names = [member[len(MEDIA_PREFIX):] for member in manifest["sha256"] if member.startswith(MEDIA_PREFIX)]
        for name in names:
            saved = default_storage.save(name, ContentFile(archive.read(MEDIA_PREFIX + name)))
            if saved != name:
                raise BackupError(f"Berkas {name} tersimpan sebagai {saved}; periksa MEDIA_ROOT.")
    return Summary(rows=sum(counts.values()), files=len(names))
