"""`renaksi import`: exit status, messages that name the place, one transaction, dry run, re-import."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction

from renaksi.accounts.models import Peran
from renaksi.impor import api
from renaksi.impor.grid import ImporGagal
from renaksi.impor.models import Impor
from renaksi.organisasi import services as org
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import RencanaAksi, SubKegiatan
from tests.conftest import SEED_SAMARINDA
from tests.factories import make_user
from tests.helpers import table_counts

from .conftest import run_cli

pytestmark = pytest.mark.django_db

MINIMAL = (
    "RENCANA AKSI DINAS KOMUNIKASI DAN INFORMATIKA KOTA CONTOH TAHUN 2025\n"
    "NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\tTRIWULAN\t\t\t\tPROGRAM\tKEGIATAN\tANGGARAN\n"
    "\t\t\t\t\tI\tII\tIII\tIV\t\t\t\n"
    "1\tMeningkatnya layanan\tIndeks layanan\tNilai\t80\t20\t20\t20\t20\tProgram Informasi\t\t1.000.000\n"
    "1\tTerlaksananya diseminasi\tJumlah siaran\tKali\t12\t3\t3\t3\t3\t\tDiseminasi Informasi\t1.000.000\n"
)


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def refused(*args) -> CommandError:
    before = table_counts()
    with pytest.raises(CommandError) as exc:
        run_cli(*args)
    assert table_counts() == before, "nothing may be written"
    return exc.value


def test_minimal_matrix_of_another_agency(tmp_path):
    result = run_cli(write(tmp_path, "diskominfo.txt", MINIMAL), "--json")
    assert result["rencana_aksi"]["perangkat_daerah"] == "Dinas Komunikasi dan Informatika"
    assert (result["rencana_aksi"]["pemda"], result["rencana_aksi"]["tahun"]) == ("Kota Contoh", 2025)
    assert result["counts"]["program"] == 1 and result["counts"]["kegiatan"] == 1
    assert result["pagu"] == {"program": 1_000_000, "kegiatan": 1_000_000, "sub_kegiatan": 0}


def test_text_output_summarises(tmp_path):
    out = run_cli(write(tmp_path, "diskominfo.txt", MINIMAL))
    assert "disimpan sebagai draf" in out and "1 program" in out


@pytest.mark.parametrize("name, data, fragment", [
    ("kosong.txt", b"", "kosong"),
    ("sampah.txt", bytes(range(256)) * 40, "biner"),
    ("gambar.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "gambar PNG"),
    ("alamat.txt", "NO\tNAMA\tALAMAT\n1\tBudi\tJalan Mawar\n", "tidak ditemukan tabel rencana aksi"),
    ("tanpa-tahun.txt", MINIMAL.replace(" TAHUN 2025", ""), "tahun rencana aksi tidak tertulis"),
])
def test_unreadable_input_exits_2_with_the_place(tmp_path, name, data, fragment):
    error = refused(write(tmp_path, name, data), "--json")
    assert error.returncode == 2
    assert fragment in str(error)
    assert f"berkas {name}" in str(error)


def test_table_without_the_needed_columns_is_named(tmp_path):
    data = "Daftar\nNO\tSASARAN\tINDIKATOR KINERJA\tKETERANGAN\n1\tMeningkatnya\tIndeks\t-\n"
    error = refused(write(tmp_path, "kurang.txt", data))
    assert error.returncode == 2
    assert "baris 2" in str(error) and "tidak memuat kolom yang dibutuhkan" in str(error)
    assert "TARGET atau TRIWULAN" in str(error)


def test_overlong_cell_names_row_and_column(tmp_path):
    data = MINIMAL.replace("Indeks layanan", "x" * 10_000)
    error = refused(write(tmp_path, "panjang.txt", data))
    assert error.returncode == 2
    assert "baris 4, kolom 3" in str(error) and "10.000 karakter" in str(error)


def test_too_large_file(tmp_path, settings):
    settings.RENAKSI_IMPORT_MAX_BYTES = 1024
    error = refused(write(tmp_path, "besar.txt", MINIMAL * 10))
    assert error.returncode == 2 and "terlalu besar" in str(error)


def test_missing_file_exits_2(tmp_path):
    assert refused(str(tmp_path / "tidak-ada.txt")).returncode == 2


def test_value_too_long_for_its_field_names_the_place(tmp_path):
    data = MINIMAL.replace("\tNilai\t", "\t" + "satuan sangat panjang " * 10 + "\t")
    error = refused(write(tmp_path, "satuan.txt", data))
    assert error.returncode == 2 and "baris 4" in str(error)


def test_dry_run_writes_nothing(tmp_path):
    before = table_counts()
    result = run_cli(str(SEED_SAMARINDA), "--dry-run", "--json")
    assert table_counts() == before
    assert result["dry_run"] is True
    assert result["counts"]["sub_kegiatan"] == 15 and result["pagu"]["kegiatan"] == 59_059_304_998


def test_a_failure_midway_leaves_the_database_as_it_was(monkeypatch):
    calls = {"n": 0}
    original = svc.aksi_create

    def failing(**kwargs):
        calls["n"] += 1
        if calls["n"] == 30:
            raise ValidationError("gagal di tengah jalan")
        return original(**kwargs)

    monkeypatch.setattr(svc, "aksi_create", failing)
    error = refused(str(SEED_SAMARINDA))
    assert error.returncode == 2 and "gagal di tengah jalan" in str(error)
    assert calls["n"] == 30  # it did fail after writing most of the plan


def test_an_unexpected_error_midway_also_leaves_nothing(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(svc, "provenance_record", broken)
    before = table_counts()
    with pytest.raises(RuntimeError):
        api.import_path(SEED_SAMARINDA)
    assert table_counts() == before


def test_existing_plan_is_refused_then_replaced_with_a_diff(tmp_path):
    first = run_cli(str(SEED_SAMARINDA), "--json")
    error = refused(str(SEED_SAMARINDA))
    assert error.returncode == 1 and "--replace" in str(error)
    changed = SEED_SAMARINDA.read_text(encoding="utf-8").replace("150,000,000", "175,000,000")
    out, err = io.StringIO(), io.StringIO()
    call_command("import", write(tmp_path, "samarinda-revisi.txt", changed), "--replace", "--json",
                 stdout=out, stderr=err)
    assert "~ sub kegiatan Pembinaan terhadap Aktivitas Kepaskibrakaan dan Purnapaskibraka" in err.getvalue()
    assert "59.059.304.998 → 59.084.304.998" in err.getvalue()
    plan = RencanaAksi.objects.get()
    assert plan.pk == first["rencana_aksi"]["id"]  # updated in place: its links keep working
    assert json.loads(out.getvalue())["rencana_aksi"]["id"] == plan.pk
    assert SubKegiatan.objects.get(rencana_aksi=plan, nama__startswith="Pembinaan terhadap").pagu == 175_000_000
    assert Impor.objects.count() == 2
    assert Impor.objects.filter(rencana_aksi=plan).count() == 2  # both imports are records of this plan


def test_compare_with_plan_lists_what_would_change():
    plan = api.import_path(SEED_SAMARINDA).rencana_aksi
    same = api.compare_with_plan(api.parse_document(SEED_SAMARINDA.read_bytes(), "samarinda.txt"), plan)
    assert same.sama and same.counts_lama == same.counts_baru
    other = SEED_SAMARINDA.read_text(encoding="utf-8").replace("5. Pengangkatan Purnapaskibraka Duta Pancasila.",
                                                               "5. Pengangkatan Duta Pancasila.")
    before = table_counts()
    diff = api.compare_with_plan(api.parse_document(other.encode(), "samarinda.txt"), plan)
    assert table_counts() == before  # comparing writes nothing
    kinds = {(p.jenis, p.tingkat, p.nama) for p in diff.perubahan}
    assert ("dihapus", "sub_kegiatan", "Pengangkatan Purnapaskibraka Duta Pancasila") in kinds
    assert ("ditambah", "sub_kegiatan", "Pengangkatan Duta Pancasila") in kinds


def test_import_record_identifies_the_source():
    result = api.import_path(SEED_SAMARINDA)
    impor = Impor.objects.get(pk=result.impor_id)
    assert (impor.filename, impor.format, impor.layout, impor.size) == (
        SEED_SAMARINDA.name, "teks", "laporan", SEED_SAMARINDA.stat().st_size)
    assert len(impor.sha256) == 64 and impor.rencana_aksi_id == result.rencana_aksi_id
    assert impor.summary["counts"]["aksi"] == 50


def test_replace_true_replaces_the_plan_of_the_same_pd_and_year():
    first = api.import_path(SEED_SAMARINDA)
    parsed = api.parse_document(SEED_SAMARINDA.read_bytes(), SEED_SAMARINDA.name)
    second = api.import_document(parsed, replace=True)
    assert second.rencana_aksi_id == first.rencana_aksi_id and RencanaAksi.objects.count() == 1  # in place


def test_locked_plan_is_not_replaced():
    first = api.import_path(SEED_SAMARINDA)
    RencanaAksi.objects.filter(pk=first.rencana_aksi_id).update(status=RencanaAksi.Status.DISETUJUI)
    parsed = api.parse_document(SEED_SAMARINDA.read_bytes(), SEED_SAMARINDA.name)
    with pytest.raises(api.ImporDitolak):
        api.import_document(parsed, replace=True)
    assert RencanaAksi.objects.filter(pk=first.rencana_aksi_id).exists()


def test_choices_override_the_title(world):
    parsed = api.parse_document(SEED_SAMARINDA.read_bytes(), SEED_SAMARINDA.name)
    with transaction.atomic():
        result = api.import_document(parsed, perangkat_daerah=world.other_pd, tahun=2025)
    assert (result.perangkat_daerah, result.tahun) == ("Dinas Kesehatan", 2025)
    assert any(d.kode == "tujuan.berbeda" for d in result.decisions)


def test_import_errors_are_importgagal_for_callers():
    with pytest.raises(ImporGagal):
        api.parse_document(b"", "kosong.txt")


def test_pengguna_imports_only_into_a_pd_the_upload_page_would_offer(tmp_path):
    """`--pengguna` asks the same rule as the upload page (`perencanaan.add_rencanaaksi` on the PD)."""
    pemda = org.pemda_get_or_create(nama="Contoh", jenis="kota")
    diskominfo = org.perangkat_daerah_get_or_create(pemda=pemda, nama="Dinas Komunikasi dan Informatika")
    other = org.perangkat_daerah_get_or_create(pemda=pemda, nama="Dinas Kesehatan")
    make_user("perencana_dinkes", Peran.PERENCANA, pemda=pemda, perangkat_daerah=other)
    make_user("perencana_kominfo", Peran.PERENCANA, pemda=pemda, perangkat_daerah=diskominfo)
    path = write(tmp_path, "diskominfo.txt", MINIMAL)
    exc = refused(path, "--pengguna", "perencana_dinkes")
    assert exc.returncode == 1
    assert "tidak berhak mengimpor rencana aksi Dinas Komunikasi dan Informatika" in str(exc)
    result = run_cli(path, "--pengguna", "perencana_kominfo", "--json")
    assert RencanaAksi.objects.get(pk=result["rencana_aksi"]["id"]).perangkat_daerah == diskominfo


def test_text_output_gives_each_decision_its_code_and_title(tmp_path):
    out = run_cli(str(SEED_SAMARINDA), "--dry-run")
    assert "  - [pagu.dua_sumber] Pagu tertulis berbeda di dua tabel: Pagu sub kegiatan " in out
    assert "  - [jadwal.kosong] Jadwal bulan kosong pada semua aksi: " in out
