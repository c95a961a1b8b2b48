"""`renaksi periksa`: text and JSON output, --fail-on, exit status 2 for unreadable input."""

import json

import pytest
from django.core.management import CommandError, call_command

from renaksi.pemeriksaan import services
from renaksi.pemeriksaan.api import check_plan
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import SubKegiatan

pytestmark = pytest.mark.django_db


def _run(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("periksa", *args, stdout=out)
        status = 0
    except SystemExit as exc:
        status = exc.code
    return status, out.getvalue()


def _break_budget(plan):
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=12_000_000)
    aksi = sub.aksi.order_by("id").first()
    svc.aksi_update(aksi=aksi, keluaran="")


def test_json_lists_findings_with_numbers_and_a_summary(world):
    _break_budget(world.plan)
    status, out = _run("--rencana-aksi", str(world.plan.pk), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["summary"] == {"error": 1, "warning": 1, "info": 0}
    rollup = next(f for f in data["findings"] if f["rule"] == "pagu.rollup_mismatch")
    assert rollup["severity"] == "error"
    assert rollup["values"] == {"expected": 20_000_000, "actual": 22_000_000, "difference": -2_000_000,
                                "children": 2}
    assert isinstance(rollup["values"]["expected"], int)
    assert rollup["location"]["type"] == "kegiatan" and rollup["location"]["anchor"].startswith("kegiatan-")
    assert rollup["acknowledged"] is False
    assert [f["severity"] for f in data["findings"]] == ["error", "warning"]


def test_decimals_are_json_numbers(world):
    from renaksi.perencanaan.models import Indikator

    ind = Indikator.objects.get(rencana_aksi=world.plan)
    svc.target_set(indikator=ind, tahun=2024, triwulan=1, nilai=None)
    svc.target_set(indikator=ind, tahun=2024, triwulan=None, nilai=__import__("decimal").Decimal("64.78"))
    for tw in (1, 2, 3, 4):
        svc.target_set(indikator=ind, tahun=2024, triwulan=tw, nilai=__import__("decimal").Decimal("16.00"))
    _, out = _run("--rencana-aksi", str(world.plan.pk), "--json")
    finding = next(f for f in json.loads(out)["findings"] if f["rule"] == "target.quarterly_mismatch")
    assert finding["values"]["tahunan"] == 64.78 and finding["values"]["jumlah"] == 64


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 1), ("warning", 1)])
def test_fail_on_exits_1_when_such_a_finding_exists(world, fail_on, expected):
    _break_budget(world.plan)
    status, _ = _run("--rencana-aksi", str(world.plan.pk), "--fail-on", fail_on)
    assert status == expected


def test_fail_on_error_passes_with_warnings_only_and_a_clean_plan_passes_everything(world):
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).first()
    svc.aksi_update(aksi=sub.aksi.first(), keluaran="")
    assert _run("--rencana-aksi", str(world.plan.pk), "--fail-on", "error")[0] == 0
    assert _run("--rencana-aksi", str(world.plan.pk), "--fail-on", "warning")[0] == 1
    assert _run("--rencana-aksi", str(world.foreign_plan.pk), "--fail-on", "warning")[0] == 0


def test_acknowledged_findings_do_not_fail_a_script(world):
    _break_budget(world.plan)
    for f in check_plan(world.plan):
        services.finding_acknowledge(rencana_aksi=world.plan, finding=f, catatan="sesuai DPA", by=world.alice)
    status, out = _run("--rencana-aksi", str(world.plan.pk), "--json", "--fail-on", "warning")
    assert status == 0
    data = json.loads(out)
    assert data["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert all(f["acknowledged"] for f in data["findings"]) and len(data["findings"]) == 2


def test_text_output_names_rule_place_and_counts(world):
    _break_budget(world.plan)
    status, out = _run("--rencana-aksi", str(world.plan.pk))
    assert status == 0
    assert "ERROR   pagu.rollup_mismatch  Kegiatan" in out
    assert "1 kesalahan, 1 peringatan, 0 catatan" in out


def test_unknown_plan_or_missing_file_exit_2(world, tmp_path):
    with pytest.raises(CommandError) as exc:
        call_command("periksa", "--rencana-aksi", "999999")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError) as exc:
        call_command("periksa", str(tmp_path / "tidak-ada.txt"))
    assert exc.value.returncode == 2
    with pytest.raises(CommandError) as exc:
        call_command("periksa")
    assert exc.value.returncode == 2


def test_a_document_is_checked_and_nothing_is_kept(seeds_dir):
    from renaksi.perencanaan.models import RencanaAksi
    from tests.conftest import SEED_SAMARINDA

    status, out = _run(str(SEED_SAMARINDA), "--json", "--fail-on", "error")
    assert status == 1
    data = json.loads(out)
    assert data["summary"] == {"error": 2, "warning": 7, "info": 1}
    assert {f["rule"] for f in data["findings"] if f["severity"] == "error"} == {"pagu.conflicting_sources"}
    source = data["findings"][0]["location"]["sources"][0]
    assert source["dokumen"] == SEED_SAMARINDA.name and source["tabel"] == "Tabel 2.3" and source["baris"] == 175
    assert not RencanaAksi.objects.exists()


def test_a_document_is_checked_even_when_its_plan_exists(world, seeds_dir):
    from renaksi.impor.api import import_path
    from renaksi.perencanaan.models import RencanaAksi
    from tests.conftest import SEED_BANGKA

    import_path(SEED_BANGKA)
    before = RencanaAksi.objects.count()
    status, out = _run(str(SEED_BANGKA), "--fail-on", "warning")
    assert status == 1 and "9 kesalahan, 4 peringatan" in out
    assert RencanaAksi.objects.count() == before


def test_an_unreadable_document_exits_2(db, tmp_path):
    junk = tmp_path / "rencana.xlsx"
    junk.write_bytes(b"\x00\x01garbage" * 20)
    with pytest.raises(CommandError) as exc:
        call_command("periksa", str(junk))
    assert exc.value.returncode == 2
    assert "rencana.xlsx" in str(exc.value)
