"""The document cache (decision 0017): a file is kept under the hash of everything it is made from, a hit hands the
kept bytes out without running the formatter, any change of the plan misses, a large plan's ready copy downloads
without a job, an approval makes the RA PDF ready, and the sweep deletes copies nobody used for 30 days.

The formatters are faked (each call makes new bytes and is counted) except in the first test, which runs
WeasyPrint once on the small plan of the test world."""

from __future__ import annotations

import dataclasses
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from renaksi.laporan import ekspor, registry, tugas
from renaksi.pekerjaan.models import Pekerjaan, Salinan
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi
from tests.factories import approve_via_workflow, make_plan


@pytest.fixture
def dibuat(monkeypatch) -> list[str]:
    """Every formatter replaced by a fake that makes new bytes on each call ("pdf 1", "pdf 2", …); the list holds
    the format of each call."""
    calls: list[str] = []

    def fake(kode: str):
        def render(dokumen) -> bytes:
            calls.append(kode)
            return f"{kode} {len(calls)}".encode()

        return render

    for kode, fmt in list(registry.FORMAT.items()):
        if fmt.render is not None:
            monkeypatch.setitem(registry.FORMAT, kode, dataclasses.replace(fmt, render=fake(kode)))
    return calls


def _tidak_boleh(dokumen) -> bytes:
    raise AssertionError("the formatter ran on a cache hit")


def test_a_hit_hands_out_the_same_bytes_without_weasyprint(client, world, monkeypatch):
    pertama = ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf")
    assert pertama.isi.startswith(b"%PDF") and Salinan.objects.count() == 1
    monkeypatch.setitem(
        registry.FORMAT, "pdf", dataclasses.replace(registry.FORMAT["pdf"], render=_tidak_boleh)
    )

    assert ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf") == pertama
    client.force_login(world.alice)
    response = client.get(reverse("laporan_unduh", args=[world.plan.pk, "ra", "pdf"]))
    assert response["Content-Type"] == "application/pdf" and response.content == pertama.isi
    assert "ra-kesbangpol-contoh-2024.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize("format", ["pdf", "xlsx", "docx"])
def test_every_format_of_a_document_is_kept_once(world, dibuat, format):
    isi = [ekspor.ekspor(rencana_aksi=world.plan, laporan="matriks", format=format).isi for _ in range(3)]
    assert isi == [f"{format} 1".encode()] * 3 and dibuat == [format]
    salinan = Salinan.objects.get()
    assert salinan.berkas.name == f"dokumen/{salinan.kunci}.{registry.FORMAT[format].ekstensi}"


def test_every_document_has_the_same_key_when_built_again(world):
    """A key that changed from one build to the next (a lazy translation, a set, an object's address in the
    document) would make every download a miss."""
    for entry in registry.LAPORAN.values():
        if entry.dokumen is None:
            continue
        triwulan = 2 if entry.triwulan == "wajib" else None

        def kunci(entry=entry, triwulan=triwulan) -> str:
            return ekspor.kunci_salinan(
                rencana_aksi=world.plan,
                laporan=entry.kode,
                format="pdf",
                triwulan=triwulan,
                dokumen=entry.dokumen(rencana_aksi=world.plan, triwulan=triwulan),
            )

        assert kunci() == kunci(), entry.kode


def _ubah_bulan(plan: RencanaAksi) -> None:
    svc.aksi_toggle_bulan(
        aksi=Aksi.objects.filter(sub_kegiatan__rencana_aksi=plan).order_by("pk").first(), bulan=9
    )


def _ubah_target(plan: RencanaAksi) -> None:
    iku = Indikator.objects.get(sasaran__rencana_aksi=plan)
    svc.target_set(indikator=iku, tahun=plan.tahun, triwulan=2, nilai=Decimal("25"))


def _ubah_judul(plan: RencanaAksi) -> None:
    svc.rencana_aksi_update(rencana_aksi=plan, judul="Rencana Aksi Kesbangpol Tahun 2024 (Perubahan Jadwal)")


@pytest.mark.parametrize("ubah", [_ubah_bulan, _ubah_target, _ubah_judul])
def test_any_change_of_the_plan_misses(world, dibuat, ubah):
    assert ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf").isi == b"pdf 1"
    ubah(world.plan)
    plan = RencanaAksi.objects.get(pk=world.plan.pk)
    assert ekspor.ekspor(rencana_aksi=plan, laporan="ra", format="pdf").isi == b"pdf 2"
    assert Salinan.objects.count() == 2


def test_the_findings_appendix_and_the_triwulan_are_files_of_their_own(world, dibuat):
    for lampiran in (False, True, False):
        ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf", lampiran_temuan=lampiran)
    for triwulan in (1, 2, 1):
        ekspor.ekspor(rencana_aksi=world.plan, laporan="monev", format="pdf", triwulan=triwulan)
    assert dibuat == ["pdf"] * 4


def test_two_plans_never_share_a_key(world, dibuat):
    dokumen = registry.LAPORAN["ra"].dokumen(rencana_aksi=world.plan)
    kunci = {
        ekspor.kunci_salinan(rencana_aksi=plan, laporan="ra", format="pdf", triwulan=None, dokumen=dokumen)
        for plan in (world.plan, world.foreign_plan)
    }
    assert len(kunci) == 2  # the same document, two plans: two keys
    kedua = make_plan(world.pd, tahun=2025)
    isi = [ekspor.ekspor(rencana_aksi=plan, laporan="ra", format="pdf").isi for plan in (world.plan, kedua)]
    assert isi == [b"pdf 1", b"pdf 2"]


def test_an_approved_plan_is_another_document_than_its_draft(world, dibuat):
    draf = ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf")
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    plan = RencanaAksi.objects.get(pk=world.plan.pk)
    assert ekspor.ekspor(rencana_aksi=plan, laporan="ra", format="pdf").isi != draf.isi


def test_a_copy_whose_file_is_gone_is_made_again(world, dibuat):
    ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf")
    default_storage.delete(Salinan.objects.get().berkas.name)
    assert ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf").isi == b"pdf 2"
    assert default_storage.open(Salinan.objects.get().berkas.name).read() == b"pdf 2"


@override_settings(RENAKSI_EKSPOR_LATAR_AKSI=3)
def test_a_large_plan_with_a_ready_copy_downloads_without_a_job(client, world, dibuat):
    client.force_login(world.alice)
    url = reverse("laporan_unduh", args=[world.plan.pk, "ra", "pdf"])
    assert "Buat di latar belakang" in client.get(url).content.decode()  # no copy yet: the job is offered
    assert dibuat == []

    tugas.siapkan(rencana_aksi=world.plan)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf" and response.content == b"pdf 1"
    assert dibuat == ["pdf"] and not Pekerjaan.objects.exists()
    # The DOCX has no copy: still the job.
    assert (
        "Buat di latar belakang"
        in client.get(reverse("laporan_unduh", args=[world.plan.pk, "ra", "docx"])).content.decode()
    )


@override_settings(RENAKSI_EKSPOR_LATAR_AKSI=3)
def test_the_download_job_keeps_its_file_in_the_cache(
    client, world, dibuat, django_capture_on_commit_callbacks
):
    client.force_login(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("laporan_unduh_latar", args=[world.plan.pk, "ra", "docx"]))
    assert Pekerjaan.objects.get().hasil.read() == b"docx 1"
    response = client.get(reverse("laporan_unduh", args=[world.plan.pk, "ra", "docx"]))
    assert response.content == b"docx 1" and dibuat == ["docx"]


def test_a_small_plan_is_not_prebuilt_on_approval(world, dibuat, django_capture_on_commit_callbacks):
    # its PDF is made in the request (a few seconds) and kept then; a job would only add work
    with django_capture_on_commit_callbacks(execute=True):
        approve_via_workflow(world.plan, perencana=world.alice, kepala=world.kepala)
    assert not Pekerjaan.objects.exists() and dibuat == []


@override_settings(RENAKSI_EKSPOR_LATAR_AKSI=3)
def test_approval_makes_the_ra_pdf_ready(world, dibuat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = approve_via_workflow(world.plan, perencana=world.alice, kepala=world.kepala)
    pekerjaan = Pekerjaan.objects.get()  # the submission queued nothing
    assert (pekerjaan.jenis, pekerjaan.status, pekerjaan.pemilik, pekerjaan.pemda) == (
        tugas.JENIS_SIAPKAN,
        Pekerjaan.Status.SELESAI,
        None,
        world.pemda,
    )
    assert pekerjaan.pesan == "Dokumen siap diunduh." and not pekerjaan.hasil
    assert dibuat == ["pdf"]
    siap = ekspor.ekspor_siap(rencana_aksi=plan, laporan="ra", format="pdf")
    assert siap is not None and siap.isi == b"pdf 1" and dibuat == ["pdf"]


def test_one_queued_job_per_plan(world):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    pertama = tugas.siapkan_mulai(rencana_aksi=world.plan)  # on-commit not run: it stays queued
    assert pertama is not None and pertama.status == Pekerjaan.Status.ANTRI
    assert tugas.siapkan_mulai(rencana_aksi=world.plan) is None
    assert tugas.siapkan_mulai(rencana_aksi=world.foreign_plan) is not None
    assert Pekerjaan.objects.count() == 2


def test_the_sweep_deletes_copies_unused_for_30_days(world, dibuat):
    lama = ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf")
    dipakai = ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="xlsx")
    baru = ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="docx")
    Salinan.objects.update(dipakai=timezone.now() - timedelta(days=30, minutes=1))
    Salinan.objects.filter(berkas__endswith=".docx").update(dipakai=timezone.now() - timedelta(days=29))
    berkas = {s.berkas.name[-4:]: s.berkas.name for s in Salinan.objects.all()}
    assert ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="xlsx") == dipakai  # a hit: used today

    out = io.StringIO()
    call_command("bersihkan_pekerjaan", stdout=out)
    assert out.getvalue().endswith("; 1 salinan dokumen lama dihapus.\n")
    assert not default_storage.exists(berkas[".pdf"])
    assert sorted(Salinan.objects.values_list("berkas", flat=True)) == sorted(
        [berkas["docx"], berkas["xlsx"]]
    )
    assert ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="pdf").isi != lama.isi  # made again
    assert ekspor.ekspor(rencana_aksi=world.plan, laporan="ra", format="docx") == baru
