"""Editing follows the state: a locked value says why (editor, monev form), the monev services refuse values of a
submitted report or of a superseded plan version, `renaksi import --replace` refuses an approved plan."""

from __future__ import annotations

from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from renaksi.alur import services as alur
from renaksi.impor import api as impor
from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiIndikator
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, RencanaAksi
from tests.conftest import SEED_SAMARINDA
from tests.factories import approve_via_workflow

S = RencanaAksi.Status


@pytest.fixture
def approved(w):
    return approve_via_workflow(w.plan, perencana=w.alice, kepala=w.kepala)


def test_the_editor_says_why_an_approved_plan_is_locked(client, w, approved):
    client.force_login(w.alice)
    html = unescape(client.get(f"/rencana-aksi/{approved.pk}/").content.decode())
    banner = html.split('id="alasan-terkunci">')[1].split("</span>")[0]
    assert banner == ("Rencana aksi ini berstatus 'Disetujui' dan tidak dapat diubah: sudah disetujui kepala "
                      "perangkat daerah; untuk mengubahnya buat perubahan (versi baru) rencana aksi.")
    indikator = Indikator.objects.filter(rencana_aksi=approved).first()
    response = client.post(f"/indikator/{indikator.pk}/target/", {"tahunan": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403 and "buat perubahan" in unescape(response.content.decode())


def test_the_services_give_the_same_reason(w):
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    with pytest.raises(ValidationError, match="menunggu persetujuannya; perubahan hanya mungkin bila dikembalikan"):
        svc.sasaran_create(rencana_aksi=w.plan, uraian="Baru")


def test_a_submitted_triwulan_report_locks_its_values_and_the_form_says_why(client, w, approved):
    iku = Indikator.objects.get(rencana_aksi=approved)
    monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("8"), by=w.alice)
    alur.laporan_triwulan_ajukan(rencana_aksi=approved, triwulan=1, by=w.alice)
    with pytest.raises(ValidationError, match="Laporan TW I 2024 berstatus 'Diajukan'"):
        monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("9"), by=w.alice)
    assert RealisasiIndikator.objects.get(indikator=iku, triwulan=1).nilai == Decimal("8")
    # TW II is still open for reporting.
    monev.realisasi_indikator_set(indikator=iku, triwulan=2, nilai=Decimal("12"), by=w.alice)

    client.force_login(w.alice)
    html = unescape(client.get(f"/rencana-aksi/{approved.pk}/monev/1/").content.decode())
    status = html.split('id="jendela-status">')[1].split("</span>")[0]
    assert "Laporan TW I 2024 berstatus 'Diajukan': sudah diajukan kepada kepala perangkat daerah" in status
    main = html.split('id="section-indikator"')[1]
    assert "data-edit-row" not in main
    response = client.post(f"/monev/indikator/{iku.pk}/tw/1/", {"realisasi": "9"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and "berstatus 'Diajukan'" in unescape(response.content.decode())
    assert RealisasiIndikator.objects.get(indikator=iku, triwulan=1).nilai == Decimal("8")
    # Returned: editable again.
    alur.laporan_triwulan_kembalikan(rencana_aksi=approved, triwulan=1, alasan="Bukti kurang", by=w.kepala)
    monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("9"), by=w.alice)


def test_the_form_says_when_the_window_is_not_open_yet(client, w, approved):
    client.force_login(w.alice)
    html = unescape(client.get(f"/rencana-aksi/{approved.pk}/monev/3/").content.decode())
    assert "Pelaporan TW III 2024 belum dibuka oleh admin pemda" in html.split('id="jendela-status">')[1]


def test_realisasi_is_not_entered_on_a_superseded_plan_version(w, approved):
    svc.rencana_aksi_create(perangkat_daerah=w.pd, tahun=approved.tahun, versi=2)
    iku = Indikator.objects.get(rencana_aksi=approved)
    with pytest.raises(ValidationError, match="sudah digantikan oleh versi yang lebih baru"):
        monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("8"), by=w.alice)
    assert not RealisasiIndikator.objects.exists()


def test_import_replace_on_an_approved_plan_is_refused_saying_to_make_a_perubahan(w):
    first = impor.import_path(SEED_SAMARINDA)
    plan = RencanaAksi.objects.get(pk=first.rencana_aksi_id)
    RencanaAksi.objects.filter(pk=plan.pk).update(status=S.DISETUJUI)
    with pytest.raises(CommandError) as exc:
        call_command("import", str(SEED_SAMARINDA), "--replace")
    assert "buat perubahan (versi baru) rencana aksi" in str(exc.value)
    assert RencanaAksi.objects.filter(pk=plan.pk, status=S.DISETUJUI).exists()
