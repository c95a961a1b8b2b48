"""'Buat perubahan': an approved plan copied into version n+1 with everything it holds, and the refusals."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from renaksi.monev import services as monev
from renaksi.monev.models import (
    BuktiDukung,
    EvaluasiIndikator,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)
from renaksi.pemeriksaan import api as checker
from renaksi.pemeriksaan import services as checker_services
from renaksi.pemeriksaan.models import Pengakuan
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    PerjanjianKinerjaItem,
    Program,
    Provenance,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)
from renaksi.perencanaan.selectors import plan_data
from tests.factories import make_plan, make_rich_plan
from tests.helpers import diff_dumps, dump_plan, plan_unchanged, table_counts

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def approve(plan: RencanaAksi, status: str = RencanaAksi.Status.DISETUJUI) -> RencanaAksi:
    """The workflow (renaksi/alur) is built elsewhere: set the status directly, as tests/factories.submit does."""
    RencanaAksi.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    return plan


def kunci_of(plan: RencanaAksi) -> dict[str, list]:
    data = plan_data(rencana_aksi=plan)
    rows = {kind: sorted(str(r.kunci) for r in getattr(data, kind))
            for kind in ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "aksi")}
    rows["pk_items"] = sorted(str(i.kunci) for pk in data.perjanjian_kinerja for i in pk.items)
    return rows


def test_every_row_gets_a_kunci_unique_in_its_plan(world):
    data = plan_data(rencana_aksi=world.plan)
    every = [r.kunci for kind in ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "aksi")
             for r in getattr(data, kind)]
    assert all(every) and len(set(every)) == len(every) == 1 + 1 + 1 + 1 + 2 + 4


def test_the_copy_carries_every_row_target_schedule_link_pk_and_provenance(world):
    plan = make_rich_plan(world.other_pd)
    Provenance.objects.create(rencana_aksi=plan, content_type_id=_ct(Target),
                              object_id=Target.objects.filter(indikator__rencana_aksi=plan).first().pk,
                              field="nilai", teks="64,78", nilai=Decimal("64.78"), dokumen="ra.docx", baris=7)
    approve(plan)
    admin = world.admin
    before = dump_plan(plan)

    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=admin)

    assert (baru.versi, baru.induk_id, baru.status, baru.label_versi) == (2, plan.pk, "draft", "Perubahan 1")
    assert (baru.perangkat_daerah_id, baru.tahun, baru.judul, baru.tempat, baru.tanggal, baru.penandatangan_id) == (
        plan.perangkat_daerah_id, plan.tahun, plan.judul, plan.tempat, plan.tanggal, plan.penandatangan_id)
    assert not diff_dumps(before, dump_plan(baru)), diff_dumps(before, dump_plan(baru))
    assert not diff_dumps(before, dump_plan(plan))  # the approved version is left as it was
    assert kunci_of(baru) == kunci_of(plan)  # the same identities, new database ids
    assert not set(Aksi.objects.filter(rencana_aksi=baru).values_list("pk", flat=True)) & set(
        Aksi.objects.filter(rencana_aksi=plan).values_list("pk", flat=True))
    # Provenance points at the copy's rows (the target of the same indikator), not at the approved version's.
    (prov,) = Provenance.objects.filter(rencana_aksi=baru)
    target = Target.objects.get(pk=prov.object_id)
    assert target.indikator.rencana_aksi_id == baru.pk and (prov.teks, prov.baris) == ("64,78", 7)
    # Every new row has a history entry saying where it came from.
    history = Aksi.history.filter(rencana_aksi_id=baru.pk)
    assert history.count() == 3 and {h.history_change_reason for h in history} == {
        f"Disalin dari Murni (id {plan.pk})"}
    assert {h.history_user_id for h in history} == {admin.pk}


def _ct(model) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def test_a_perubahan_of_a_perubahan_and_of_a_locked_plan(world):
    approve(world.plan, RencanaAksi.Status.TERKUNCI)
    v2 = svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice)
    approve(v2)
    v3 = svc.rencana_aksi_buat_perubahan(rencana_aksi=v2, by=world.alice)
    assert (v3.versi, v3.induk_id, v3.label_versi) == (3, v2.pk, "Perubahan 2")
    assert kunci_of(v3) == kunci_of(world.plan)


def test_acknowledgements_follow_into_the_new_version(world):
    plan = world.plan
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    svc.aksi_update(aksi=aksi, keluaran="")
    (finding,) = [f for f in checker.check_plan(plan) if f.rule == "aksi.without_output"]
    checker_services.finding_acknowledge(rencana_aksi=plan, finding=finding, catatan="sesuai DPA", by=world.alice)
    approve(plan)

    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=world.alice)

    (found,) = [f for f in checker.check_plan(baru) if f.rule == "aksi.without_output"]
    assert found.location.object_id != finding.location.object_id  # another row …
    assert found.fingerprint == finding.fingerprint  # … with the same identity
    assert found.acknowledged and found.acknowledgement.catatan == "sesuai DPA"
    assert found.acknowledgement.user_id == world.alice.pk
    assert Pengakuan.objects.filter(rencana_aksi=plan).count() == Pengakuan.objects.filter(rencana_aksi=baru).count() == 1


def test_an_acknowledgement_under_the_old_id_fingerprint_still_counts_and_follows(world):
    """Written before rows had a kunci: keyed by the database id. Recognised, and moved when the plan is copied."""
    plan = world.plan
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    svc.aksi_update(aksi=aksi, nomor="7")
    (finding,) = [f for f in checker.check_plan(plan) if f.rule == "aksi.numbering"]
    row = checker_services.finding_acknowledge(rencana_aksi=plan, finding=finding, catatan="urutan dokumen",
                                               by=world.alice)
    Pengakuan.objects.filter(pk=row.pk).update(lokasi=finding.legacy_fingerprint)
    assert [f.acknowledged for f in checker.check_plan(plan) if f.rule == "aksi.numbering"] == [True]
    approve(plan)

    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=world.alice)

    assert [f.acknowledged for f in checker.check_plan(baru) if f.rule == "aksi.numbering"] == [True]
    assert Pengakuan.objects.get(rencana_aksi=plan).lokasi == finding.fingerprint


def test_realisasi_entered_is_copied_to_the_rows_that_continue(world):
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan)
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    aksi = Aksi.objects.filter(sub_kegiatan=sub).order_by("urutan", "id").first()
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=plan.tahun, triwulan=tw)
    realisasi = monev.realisasi_indikator_set(indikator=iku, triwulan=1, nilai=Decimal("9.5"), by=world.alice)
    bukti = monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile("notulen.pdf", PDF))
    monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=2_500_000, by=world.alice)
    monev.progres_aksi_set(aksi=aksi, bulan=2, status="selesai", by=world.alice)
    monev.evaluasi_set(indikator=iku, triwulan=1, faktor_pendorong="Sosialisasi", tindak_lanjut="Pendataan ulang")
    approve(plan)

    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=world.alice)

    new_iku = Indikator.objects.get(rencana_aksi=baru)
    new_sub = SubKegiatan.objects.get(rencana_aksi=baru, kunci=sub.kunci)
    new_aksi = Aksi.objects.get(rencana_aksi=baru, kunci=aksi.kunci)
    copied = RealisasiIndikator.objects.get(indikator=new_iku)
    assert (copied.triwulan, copied.nilai, copied.diisi_oleh_id, copied.diubah) == (
        1, Decimal("9.5"), world.alice.pk, realisasi.diubah)  # the time it was reported, not the time of the copy
    (new_bukti,) = BuktiDukung.objects.filter(realisasi=copied)
    assert new_bukti.berkas.name == bukti.berkas.name  # one file, named by both versions
    assert RealisasiAnggaran.objects.get(sub_kegiatan=new_sub).jumlah == 2_500_000
    assert ProgresAksi.objects.get(aksi=new_aksi).status == "selesai"
    assert EvaluasiIndikator.objects.get(indikator=new_iku).faktor_pendorong == "Sosialisasi"
    assert TindakLanjut.objects.get(indikator=new_iku).uraian == "Pendataan ulang"
    # The approved version keeps its own.
    assert RealisasiIndikator.objects.get(indikator=iku).nilai == Decimal("9.5")
    # Deleting the new version's bukti keeps the file the approved version still names.
    monev.bukti_dukung_delete(bukti=new_bukti)
    assert bukti.berkas.storage.exists(bukti.berkas.name)


@pytest.mark.parametrize("status", ["draft", "diajukan", "dikembalikan"])
def test_refused_from_a_plan_not_approved(world, status):
    approve(world.plan, status)
    counts = table_counts()
    with plan_unchanged(world.plan), pytest.raises(ValidationError, match="sudah disetujui atau dikunci"):
        svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice)
    assert table_counts() == counts


def test_refused_when_a_newer_version_exists(world):
    approve(world.plan)
    v2 = svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice)
    approve(v2)
    counts = table_counts()
    with plan_unchanged(world.plan), pytest.raises(ValidationError, match="Perubahan 1"):
        svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice)
    assert table_counts() == counts


@pytest.mark.parametrize("persona", ["kabid", "bob", "kepala", "eve", "charlie", "dave"])
def test_refused_for_who_may_not_change_the_plan(world, persona):
    approve(world.plan)
    counts = table_counts()
    with plan_unchanged(world.plan), pytest.raises(PermissionDenied):
        svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=getattr(world, persona))
    assert table_counts() == counts


def test_a_failure_on_the_way_leaves_nothing(world, monkeypatch):
    from renaksi.perencanaan.signals import perubahan_dibuat

    def fail(**kwargs):
        raise RuntimeError("disk penuh")

    approve(world.plan)
    counts = table_counts()
    perubahan_dibuat.connect(fail, dispatch_uid="test.fail")
    try:
        with pytest.raises(RuntimeError):
            svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice)
    finally:
        perubahan_dibuat.disconnect(dispatch_uid="test.fail")
    assert table_counts() == counts


def test_a_plan_of_1000_aksi_copies_in_a_few_seconds_with_few_queries(world, django_assert_max_num_queries):
    plan = make_plan(world.other_pd, n_sub_kegiatan=100, aksi_per_sub=10)
    assert Aksi.objects.filter(rencana_aksi=plan).count() == 1000
    approve(plan)
    started = time.monotonic()
    with django_assert_max_num_queries(150):  # one insert per table and 500 rows, not one per row
        baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=world.admin)
    elapsed = time.monotonic() - started
    print(f"1000 aksi copied in {elapsed:.2f}s")
    assert elapsed < 10
    assert Aksi.objects.filter(rencana_aksi=baru).count() == 1000
    for model in (Sasaran, Indikator, Program, Kegiatan, SubKegiatan):
        assert model.objects.filter(rencana_aksi=baru).count() == model.objects.filter(rencana_aksi=plan).count()
    assert PerjanjianKinerjaItem.objects.filter(perjanjian_kinerja__rencana_aksi=baru).count() == \
        PerjanjianKinerjaItem.objects.filter(perjanjian_kinerja__rencana_aksi=plan).count()


def test_the_version_list_holds_the_versions_each_user_may_open(world):
    """The editor's version list (read by hand-written SQL) holds what `rencana_aksi_visible_to` lets each user
    open: an approved Murni and a draft Perubahan are both listed for the PD's users and its Pemda's admin and
    evaluator, only the approved one for another PD's perencana, another Pemda's, and anonymous."""
    from django.contrib.auth.models import AnonymousUser

    from renaksi.perencanaan.selectors import rencana_aksi_visible_to, versi_rencana_aksi

    murni = approve(world.plan)
    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=murni, by=world.alice)
    plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=baru.pk)
    users = [world.alice, world.kabid, world.kepala, world.eve, world.admin, world.charlie, world.dave,
             AnonymousUser()]
    listed = {str(u): [v.pk for v in versi_rencana_aksi(rencana_aksi=plan, user=u)] for u in users}
    assert listed == {str(u): list(rencana_aksi_visible_to(u).filter(perangkat_daerah_id=plan.perangkat_daerah_id,
                                                                     tahun=plan.tahun)
                                   .order_by("versi").values_list("pk", flat=True)) for u in users}
    both, approved = [murni.pk, baru.pk], [murni.pk]
    assert [listed[str(u)] for u in users] == [both] * 5 + [approved] * 3
