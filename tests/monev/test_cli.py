"""`renaksi monev … --json` and `renaksi realisasi impor …` (management commands)."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def impor(tmp_path, text: str, plan, *extra) -> str:
    path = tmp_path / "realisasi.csv"
    path.write_text(text, encoding="utf-8")
    return run("realisasi", "impor", str(path), "--rencana-aksi", str(plan.pk), *extra)


def test_monev_json(world, rows):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D("12.5"))
    out = json.loads(run("monev", "--rencana-aksi", str(world.plan.pk), "--triwulan", "1", "--json"))
    assert out["triwulan"] == 1 and out["rencana_aksi"] == {"id": world.plan.pk}
    (ind,) = out["indikator"]
    assert ind["realisasi"] == ["12.5", None, None, None]
    assert ind["capaian"] == "125.00" and ind["predikat"] == "sangat_tinggi" and ind["berisiko"] is False
    assert [s["serapan"] for s in out["sub_kegiatan"]] == [None, None]


def test_monev_text_and_errors(world, rows):
    assert "capaian —" in run("monev", "--rencana-aksi", str(world.plan.pk), "--triwulan", "1")
    with pytest.raises(CommandError) as exc:
        run("monev", "--rencana-aksi", "999999", "--triwulan", "1")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError) as exc:
        run("monev", "--rencana-aksi", str(world.plan.pk), "--triwulan", "5")
    assert exc.value.returncode == 2


def test_impor_both_kinds_with_decimal_comma(world, rows, tmp_path):
    text = (f'indikator_id,triwulan,realisasi\n{rows.iku.pk},1,"9,5"\n{rows.iku.pk},2,\n\n'
            f"sub_kegiatan_id,triwulan,realisasi_anggaran\n{rows.sub_politik.pk},1,2.500.000\n"
            f"{rows.sub_ideologi.pk},2,1000000\n")
    out = json.loads(impor(tmp_path, text, world.plan, "--json"))
    assert out == {"rencana_aksi": world.plan.pk, "dry_run": False, "realisasi": 1, "realisasi_anggaran": 2,
                   "dilewati": 1}
    assert RealisasiIndikator.objects.get().nilai == D("9.5")
    assert sorted(RealisasiAnggaran.objects.values_list("jumlah", flat=True)) == [1_000_000, 2_500_000]


def test_impor_semicolon_and_point(world, rows, tmp_path):
    impor(tmp_path, f"indikator_id;triwulan;realisasi\n{rows.iku.pk};2;7.25\n", world.plan)
    assert RealisasiIndikator.objects.get().nilai == D("7.25")


def test_dry_run_writes_nothing(world, rows, tmp_path):
    out = impor(tmp_path, f"indikator_id,triwulan,realisasi\n{rows.iku.pk},1,5\n", world.plan, "--dry-run")
    assert "uji coba" in out and not RealisasiIndikator.objects.exists()


@pytest.mark.parametrize(("body", "expected"), [
    ("{iku},5,10", "baris 3: triwulan harus 1–4, bukan 5"),
    ("{iku},1,sepuluh", "baris 3: realisasi 'sepuluh' bukan angka"),
    ("999999,1,10", "baris 3: indikator_id 999999 tidak ada dalam rencana aksi"),
    ("{foreign},1,10", "baris 3: indikator_id {foreign} tidak ada dalam rencana aksi"),
    ("{iku},3,10", "baris 3: Pelaporan TW III 2024 belum dibuka"),
    ("{iku},2,11", "baris 3: indikator_id {iku} TW 2 sudah diisi pada baris 2"),
])
def test_a_bad_row_is_named_and_nothing_is_written(world, rows, tmp_path, body, expected):
    from renaksi.perencanaan.models import Indikator

    ids = {"iku": rows.iku.pk, "foreign": Indikator.objects.get(rencana_aksi=world.foreign_plan).pk}
    text = f"indikator_id,triwulan,realisasi\n{rows.iku.pk},2,10\n{body.format(**ids)}\n"
    with pytest.raises(CommandError) as exc:
        impor(tmp_path, text, world.plan)
    assert exc.value.returncode == 2
    assert expected.format(**ids) in str(exc.value)
    assert not RealisasiIndikator.objects.exists()


@pytest.mark.parametrize(("value", "expected"), [("-5", "tidak boleh negatif"), ("1,5", "bukan rupiah bulat")])
def test_bad_amounts(world, rows, tmp_path, value, expected):
    text = f'sub_kegiatan_id,triwulan,realisasi_anggaran\n{rows.sub_politik.pk},1,"{value}"\n'
    with pytest.raises(CommandError) as exc:
        impor(tmp_path, text, world.plan)
    assert exc.value.returncode == 2 and "baris 2" in str(exc.value) and expected in str(exc.value)
    assert not RealisasiAnggaran.objects.exists()


def test_a_closed_window_refuses_the_whole_file(world, rows, tmp_path):
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=2)
    text = f"indikator_id,triwulan,realisasi\n{rows.iku.pk},1,10\n{rows.iku.pk},2,10\n"
    with pytest.raises(CommandError) as exc:
        impor(tmp_path, text, world.plan)
    assert "baris 3: Pelaporan TW II 2024 sudah ditutup" in str(exc.value)
    assert not RealisasiIndikator.objects.exists()


def test_wrong_header(world, rows, tmp_path):
    with pytest.raises(CommandError) as exc:
        impor(tmp_path, "id,tw,nilai\n1,1,1\n", world.plan)
    assert exc.value.returncode == 2 and "kepala kolom" in str(exc.value)
