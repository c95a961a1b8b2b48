"""The master nomenclature: the data migration loads the CSV, and the picker's selector finds codes."""

from __future__ import annotations

import csv
import importlib
from pathlib import Path

from django.apps import apps

from renaksi.perencanaan.models import Nomenklatur
from renaksi.perencanaan.nomenklatur import nomenklatur_search, nomenklatur_tahun_berlaku

CSV_PATH = Path(__file__).resolve().parents[2] / "renaksi" / "perencanaan" / "data" / "nomenklatur_2024.csv"
migration = importlib.import_module("renaksi.perencanaan.migrations.0002_nomenklatur_data")


def csv_rows() -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_migration_loaded_every_row(db):
    rows = csv_rows()
    assert Nomenklatur.objects.filter(tahun=2024).count() == len(rows) > 100
    stored = Nomenklatur.objects.get(tahun=2024, kode="8.01.01.2.06.0009")
    assert stored.nama == "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"
    assert stored.level == Nomenklatur.Level.SUB_KEGIATAN and stored.induk_kode == "8.01.01.2.06"


def test_migration_is_idempotent_and_reversible(db):
    count = Nomenklatur.objects.count()
    migration.load(apps, None)
    assert Nomenklatur.objects.count() == count
    migration.unload(apps, None)
    assert not Nomenklatur.objects.filter(tahun=2024).exists()
    migration.load(apps, None)
    assert Nomenklatur.objects.count() == count


def test_csv_is_a_consistent_tree():
    rows = csv_rows()
    kode = {r["kode"] for r in rows}
    assert len(kode) == len(rows)
    depth = {"urusan": 2, "program": 3, "kegiatan": 5, "sub_kegiatan": 6}
    for r in rows:
        assert r["tahun"] == "2024"
        assert len(r["kode"].split(".")) == depth[r["level"]], r
        assert r["induk_kode"] == "" if r["level"] == "urusan" else r["induk_kode"] in kode, r
        assert r["kode"].startswith(r["induk_kode"]), r
        assert r["sumber"], r
        if r["level"] == "sub_kegiatan":
            assert len(r["kode"].split(".")[-1]) == 4, r  # four digits since 2023
    programs = {r["kode"] for r in rows if r["level"] == "program"}
    assert programs == {"8.01.01", "8.01.02", "8.01.03", "8.01.04", "8.01.05", "8.01.06"}
    kegiatan_penunjang = {r["kode"] for r in rows if r["induk_kode"] == "8.01.01"}
    assert {f"8.01.01.2.0{n}" for n in (1, 2, 3, 5, 6, 7, 8, 9)} <= kegiatan_penunjang
    # What could not be checked says so.
    unverified = [r["kode"] for r in rows if r["sumber"].startswith("belum diverifikasi")]
    assert unverified == ["8.01.02.2.01.0008", "8.01.02.2.01.0009", "8.01.02.2.01.0010"]


def test_search_by_code(db):
    found = nomenklatur_search(tahun=2024, q="8.01.02")
    assert found[0].kode == "8.01.02"
    assert found[0].nama == "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN"
    assert all("8.01.02" in n.kode for n in found)
    assert [n.kode for n in nomenklatur_search(tahun=2024, q="8.01.02", level="program")] == ["8.01.02"]


def test_search_by_name_words_in_any_case(db):
    assert [n.kode for n in nomenklatur_search(tahun=2024, q="ideologi pancasila", level="program")] == ["8.01.02"]
    [rapat] = nomenklatur_search(tahun=2024, q="rapat koordinasi SKPD")
    assert rapat.kode == "8.01.01.2.06.0009"
    kegiatan = nomenklatur_search(tahun=2024, q="perumusan kebijakan teknis", level="kegiatan", limit=50)
    assert [n.kode for n in kegiatan] == ["8.01.02.2.01", "8.01.03.2.01", "8.01.04.2.01", "8.01.05.2.01",
                                          "8.01.06.2.01"]


def test_search_limit_and_no_match(db):
    assert len(nomenklatur_search(tahun=2024, level="sub_kegiatan")) == 20
    assert len(nomenklatur_search(tahun=2024, level="sub_kegiatan", limit=5)) == 5
    assert nomenklatur_search(tahun=2024, q="tidak ada yang seperti ini") == []


def test_a_year_without_its_own_version_uses_the_nearest_earlier(db):
    assert nomenklatur_tahun_berlaku(2024) == 2024
    assert nomenklatur_tahun_berlaku(2026) == 2024
    assert nomenklatur_tahun_berlaku(2021) == 2024  # nothing earlier: the earliest there is
    assert nomenklatur_search(tahun=2026, q="8.01.02")[0].tahun == 2024
    Nomenklatur.objects.all().delete()
    assert nomenklatur_tahun_berlaku(2024) is None and nomenklatur_search(tahun=2024, q="8") == []
