"""`renaksi export`: the file the download menu gives, written to a path, a directory or standard output; exit
status 2 with the reason on standard error for an unknown plan or a combination that makes no file.

Builders and formatters are faked (tests/laporan/palsu.py)."""

from __future__ import annotations

import pytest
from django.core.management import ManagementUtility, call_command

from renaksi.perencanaan.models import RencanaAksi
from tests.laporan.palsu import dibaca, fixture_laporan_palsu  # noqa: F401

pytestmark = pytest.mark.django_db


def renaksi(*args: str) -> int:
    """The command as a shell runs it: its exit status (0 when it returns)."""
    try:
        ManagementUtility(["renaksi", "export", *args]).execute()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_writes_the_file_to_the_path(world, laporan_palsu, tmp_path, capsys):
    target = tmp_path / "dokumen.pdf"
    status = renaksi("--rencana-aksi", str(world.plan.pk), "--laporan", "ra", "--format", "pdf", "-o", str(target))
    assert status == 0
    assert dibaca(target.read_bytes())["format"] == "pdf"
    out = capsys.readouterr()
    assert f"{target} ditulis (application/pdf," in out.out and out.err == ""


def test_a_directory_gets_the_usual_name(world, laporan_palsu, tmp_path):
    call_command("export", "--rencana-aksi", str(world.plan.pk), "--laporan", "monev", "--format", "xlsx",
                 "--triwulan", "2", "--lampiran-temuan", "-o", str(tmp_path))
    written = tmp_path / "monev-kesbangpol-contoh-2024-tw2.xlsx"
    assert dibaca(written.read_bytes())["dokumen"]["bagian"][-1]["blok"][0]["teks"].startswith("LAMPIRAN")


def test_dash_writes_the_bytes_to_standard_output(world, laporan_palsu, capsysbinary):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    status = renaksi("--rencana-aksi", str(world.plan.pk), "--laporan", "opendata", "--format", "json", "-o", "-")
    assert status == 0
    out = capsysbinary.readouterr()
    assert dibaca(out.out) == {"format": "json", "rencana_aksi": world.plan.pk}
    assert b"opendata-kesbangpol-contoh-2024.json" in out.err


def test_the_blank_template_needs_no_plan(db, laporan_palsu, tmp_path):
    assert renaksi("--laporan", "templat", "--format", "docx", "-o", str(tmp_path)) == 0
    assert (tmp_path / "templat-renaksi.docx").read_bytes().startswith(b"PK")


def test_another_report_without_a_plan_exits_2(db, laporan_palsu, tmp_path, capsys):
    assert renaksi("--laporan", "ra", "--format", "pdf", "-o", str(tmp_path / "x")) == 2
    assert "Dokumen Rencana Aksi dibuat dari sebuah rencana aksi" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "pesan"), [
    (["--laporan", "rpjmd", "--format", "pdf"], "Laporan 'rpjmd' tidak dikenal. Pilihan: ra, matriks, pk, monev"),
    (["--laporan", "ra", "--format", "csv"], "Format 'csv' tidak tersedia untuk Dokumen Rencana Aksi"),
    (["--laporan", "opendata", "--format", "docx"], "Format 'docx' tidak tersedia untuk Data Terbuka"),
    (["--laporan", "monev", "--format", "pdf"], "Monev Triwulan memerlukan triwulan (1, 2, 3 atau 4)"),
    (["--laporan", "monev", "--format", "pdf", "--triwulan", "5"], "Triwulan 5 tidak ada"),
    (["--laporan", "ra", "--format", "pdf", "--triwulan", "1"], "Dokumen Rencana Aksi tidak memakai triwulan"),
    (["--laporan", "opendata", "--format", "json"], "hanya tersedia untuk rencana aksi yang sudah disetujui"),
    (["--laporan", "opendata", "--format", "json", "--lampiran-temuan"],
     "Lampiran temuan hanya dapat disertakan pada dokumen, tidak pada Data Terbuka"),
])
def test_a_wrong_combination_exits_2_with_the_reason(world, laporan_palsu, tmp_path, capsys, args, pesan):
    target = tmp_path / "keluaran"
    assert renaksi("--rencana-aksi", str(world.plan.pk), *args, "-o", str(target)) == 2
    out = capsys.readouterr()
    assert pesan in out.err and out.out == ""
    assert not target.exists() and laporan_palsu == []


def test_an_unknown_plan_exits_2(world, laporan_palsu, tmp_path, capsys):
    assert renaksi("--rencana-aksi", "999999", "--laporan", "ra", "--format", "pdf", "-o", str(tmp_path / "x")) == 2
    assert "Rencana aksi 999999 tidak ditemukan." in capsys.readouterr().err


def test_a_path_that_cannot_be_written_exits_2(world, laporan_palsu, tmp_path, capsys):
    target = tmp_path / "tidak-ada" / "ra.pdf"
    assert renaksi("--rencana-aksi", str(world.plan.pk), "--laporan", "ra", "--format", "pdf",
                   "-o", str(target)) == 2
    assert f"{target}: tidak dapat ditulis" in capsys.readouterr().err


def test_missing_arguments_exit_2(world, capsys):
    assert renaksi("--rencana-aksi", str(world.plan.pk), "--format", "pdf", "-o", "x.pdf") == 2
    assert "--laporan" in capsys.readouterr().err
