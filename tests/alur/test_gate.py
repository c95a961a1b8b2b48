"""The checker gates submission: an open error finding blocks it, acknowledging it (or fixing it) unblocks, the
refusal names each finding; each submission records its open findings so the panel shows what is new and what was
resolved since."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from renaksi.alur import services as alur
from renaksi.alur.models import Transisi
from renaksi.pemeriksaan import api as checker
from renaksi.pemeriksaan import services as checker_services
from renaksi.perencanaan.models import RencanaAksi
from tests.alur.conftest import break_rollup, fix_rollup, overspend

S = RencanaAksi.Status
HTMX = {"HTTP_HX_REQUEST": "true"}


def _error(plan, rule="pagu.rollup_mismatch"):
    (finding,) = [f for f in checker.check_plan(plan) if f.rule == rule]
    return finding


def test_an_open_error_finding_blocks_the_submission_and_the_message_names_it(w):
    break_rollup(w.plan)
    with pytest.raises(ValidationError) as exc:
        alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    message = exc.value.messages[0]
    assert "1 temuan kesalahan belum diperbaiki atau diakui" in message
    assert "Jumlah pagu tidak sama dengan pagu induknya — Program Peningkatan Peran Partai Politik" in message
    assert RencanaAksi.objects.get(pk=w.plan.pk).status == S.DRAFT and not Transisi.objects.exists()


def test_acknowledging_the_finding_with_a_note_unblocks(w):
    break_rollup(w.plan)
    checker_services.finding_acknowledge(rencana_aksi=w.plan, finding=_error(w.plan), catatan="sesuai DPA",
                                         by=w.alice)
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    assert w.plan.status == S.DIAJUKAN


def test_fixing_it_unblocks(w):
    break_rollup(w.plan)
    fix_rollup(w.plan)
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    assert w.plan.status == S.DIAJUKAN


def test_warnings_do_not_block(w):
    from renaksi.perencanaan import services as svc
    from renaksi.perencanaan.models import Aksi

    svc.aksi_update(aksi=Aksi.objects.filter(rencana_aksi=w.plan).first(), keluaran="")  # aksi.without_output
    assert any(f.severity == "warning" for f in checker.open_findings(checker.check_plan(w.plan)))
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)


def test_a_triwulan_report_is_gated_by_its_realisasi_errors_and_they_can_be_acknowledged(w):
    overspend(w.plan, triwulan=1)
    RencanaAksi.objects.filter(pk=w.plan.pk).update(status=S.DISETUJUI)
    w.plan.refresh_from_db()
    # A realisasi finding does not hold the plan back…
    assert not alur.penghalang(checker.check_plan(w.plan))
    # …but TW I's report, and TW II's (money spent by TW I is still spent by TW II).
    for tw in (1, 2):
        with pytest.raises(ValidationError, match="Realisasi anggaran melebihi pagu — Sub kegiatan uji 1"):
            alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=tw, by=w.alice)
    # Acknowledged on an approved plan: the finding follows its triwulan report's state, not the plan's.
    checker_services.finding_acknowledge(rencana_aksi=w.plan, finding=_error(w.plan, "realisasi.anggaran_over_pagu"),
                                         catatan="Termasuk belanja pegawai tahun lalu", by=w.alice)
    alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=1, by=w.alice)
    # Once TW I is submitted its findings cannot be acknowledged or taken back.
    with pytest.raises(ValidationError, match="Laporan TW I berstatus 'Diajukan'"):
        checker_services.finding_unacknowledge(rencana_aksi=w.plan,
                                               finding=_error(w.plan, "realisasi.anggaran_over_pagu"), by=w.alice)


def test_each_submission_records_its_open_findings_and_the_panel_shows_new_and_resolved(client, w):
    from renaksi.perencanaan import services as svc
    from renaksi.perencanaan.models import Aksi

    aksi = Aksi.objects.filter(rencana_aksi=w.plan).order_by("id").first()
    svc.aksi_update(aksi=aksi, keluaran="")  # a warning, open at the submission
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    t = Transisi.objects.get()
    assert [row["rule"] for row in t.cuplikan.temuan] == ["aksi.without_output"]
    alur.rencana_aksi_kembalikan(rencana_aksi=w.plan, alasan="Lengkapi keluaran, cek nomor aksi", by=w.kepala)
    svc.aksi_update(aksi=aksi, keluaran="Laporan")  # resolved
    svc.aksi_update(aksi=aksi, nomor="7")  # new: aksi.numbering
    client.force_login(w.eve)
    html = client.get(f"/rencana-aksi/{w.plan.pk}/pemeriksaan/", **HTMX).content.decode()
    since = html.split('id="sejak-pengajuan"')[1].split("</div>\n  </div>")[0]
    assert "1 temuan baru" in since and "1 diselesaikan" in since
    assert "Aksi tanpa keluaran</span> — Aksi 1 dari sub kegiatan 1 (1)" in since
    new = html.split('data-rule="aksi.numbering"')[1].split("</li>")[0]
    assert "Baru sejak pengajuan" in new


def test_no_since_block_before_the_first_submission(client, w):
    client.force_login(w.alice)
    html = client.get(f"/rencana-aksi/{w.plan.pk}/pemeriksaan/", **HTMX).content.decode()
    assert 'id="sejak-pengajuan"' not in html
