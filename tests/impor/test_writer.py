"""The writer: what the neutral structure says reaches the plan (catatan, sumber data, the PK header, a stated
title, the schedule as read), and `check_document` checks a document without keeping it."""

from __future__ import annotations

import datetime as dt

import pytest

from renaksi.core.angka import parse_angka
from renaksi.impor import api
from renaksi.impor.dokumen import (
    AksiDoc,
    IndikatorDoc,
    KegiatanDoc,
    NilaiSel,
    PejabatDoc,
    PerjanjianKinerjaDoc,
    PKItemDoc,
    ProgramDoc,
    RencanaAksiDoc,
    SasaranDoc,
    SubKegiatanDoc,
    Teks,
)
from renaksi.impor.grid import Place
from renaksi.impor.writer import JADWAL_HILANG
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    PerjanjianKinerja,
    Provenance,
    RencanaAksi,
    SubKegiatan,
)

pytestmark = pytest.mark.django_db


def _doc(fmt: str = "xlsx", **kw) -> RencanaAksiDoc:
    """A small document: one sasaran and indikator, one sub kegiatan with two aksi (one scheduled), two officials."""
    where = Place("ra." + fmt, baris=7, kolom=2)
    kepala = PejabatDoc(nama=Teks("SUCIPTO, S.Pd, M.Si."), jabatan=Teks("Kepala Badan"), nip="196703191997021003",
                        kepala_pd=True)
    ind = IndikatorDoc(nama=Teks("Indeks Profesionalitas ASN"), target=NilaiSel(parse_angka("64,78")),
                       sumber_data="BKPSDM")
    sub = SubKegiatanDoc(nama=Teks("Penyediaan Gaji", where), pagu=None, catatan="sesuai DPA",
                         nama_lain=[Teks("Penyediaan gaji ASN", Place("ra." + fmt, baris=40))],
                         aksi=[AksiDoc(uraian=Teks("Rapat", where), nomor="1", bulan=[3, 1]),
                               AksiDoc(uraian=Teks("Laporan", Place("ra." + fmt, baris=8, kolom=2)), nomor="2",
                                       catatan="nomor 3 tidak ada")])
    doc = RencanaAksiDoc(
        dokumen="ra." + fmt, format=fmt, layout="uji", judul=Teks("Rencana Aksi Kaya"), pemda_jenis="kota",
        pemda_nama="Samarinda", perangkat_daerah=Teks("Badan Kesbangpol"), tahun=2024, tempat="Samarinda",
        tanggal=dt.date(2024, 1, 2), sasaran=[SasaranDoc(uraian=Teks("Sasaran"), indikator=[ind])],
        program=[ProgramDoc(nama=Teks("Program"), kegiatan=[KegiatanDoc(nama=Teks("Kegiatan"), sub_kegiatan=[sub])])],
        pejabat=[kepala], penandatangan=kepala,
    )
    for key, value in kw.items():
        setattr(doc, key, value)
    return doc


def _walikota() -> PejabatDoc:
    """An official a PK names but the document does not list with its officials."""
    return PejabatDoc(nama=Teks("Dr. H. ANDI HARUN"), jabatan=Teks("Wali Kota"))


def _write(doc: RencanaAksiDoc) -> RencanaAksi:
    parsed = api.ParsedDocument(dokumen=doc, filename=doc.dokumen, format=doc.format, layout=doc.layout,
                                sha256="0" * 64, size=1)
    return api.import_document(parsed).rencana_aksi


def _pk_item(doc: RencanaAksiDoc, nomor: str = "1") -> PKItemDoc:
    ind = next(doc.all_indikator())
    return PKItemDoc(indikator=Teks(ind.nama.teks), nomor=nomor, target=NilaiSel(parse_angka("64,78")),
                     indikator_ref=ind)


def test_sumber_data_and_catatan_reach_the_plan():
    plan = _write(_doc())
    assert Indikator.objects.get(rencana_aksi=plan).sumber_data == "BKPSDM"
    sub = SubKegiatan.objects.get(rencana_aksi=plan)
    # the document's remark first, then the other spellings it was matched by (as before)
    assert sub.catatan.splitlines() == ["sesuai DPA", "Ditulis juga sebagai: Penyediaan gaji ASN (berkas ra.xlsx, "
                                                      "baris 40)"]
    assert list(Aksi.objects.filter(rencana_aksi=plan).order_by("urutan").values_list("catatan", flat=True)) == [
        "", "nomor 3 tidak ada"]


def test_a_stated_title_is_kept_as_written_and_a_pieced_together_one_is_replaced():
    assert _write(_doc(judul_tetap=True)).judul == "Rencana Aksi Kaya"
    RencanaAksi.objects.all().delete()
    assert _write(_doc()).judul == "Rencana Aksi Badan Kesbangpol Kota Samarinda Tahun 2024"
    RencanaAksi.objects.all().delete()
    # a layout that states the field but leaves it empty gets the usual title
    assert _write(_doc(judul=None, judul_tetap=True)).judul.startswith("Rencana Aksi Badan Kesbangpol")


def test_a_stated_pk_header_is_written_with_its_parties():
    doc = _doc()
    doc.perjanjian_kinerja = [
        PerjanjianKinerjaDoc(jenis="murni", pihak_pertama=doc.penandatangan, pihak_kedua=_walikota(),
                             pihak_kedua_jabatan="Wali Kota Samarinda", tempat="Samarinda",
                             tanggal=dt.date(2024, 1, 15), items=[_pk_item(doc)]),
        PerjanjianKinerjaDoc(jenis="perubahan", pihak_pertama=doc.penandatangan, tempat="Samarinda",
                             tanggal=dt.date(2024, 10, 1)),
    ]
    plan = _write(doc)
    murni, perubahan = PerjanjianKinerja.objects.filter(rencana_aksi=plan).order_by("pk")
    assert (murni.jenis, murni.pihak_pertama.nip, murni.pihak_kedua.nama, murni.pihak_kedua_jabatan, murni.tempat,
            murni.tanggal) == ("murni", "196703191997021003", "Dr. H. ANDI HARUN", "Wali Kota Samarinda",
                               "Samarinda", dt.date(2024, 1, 15))
    assert [(i.nomor, i.target_teks, i.indikator.nama) for i in murni.items.all()] == [
        ("1", "64,78", "Indeks Profesionalitas ASN")]
    assert (perubahan.jenis, perubahan.pihak_pertama_id, perubahan.pihak_kedua, perubahan.items.count()) == (
        "perubahan", murni.pihak_pertama_id, None, 0)
    # the pihak kedua the document names but does not list is stored with the PD's officials
    assert murni.pihak_kedua.perangkat_daerah_id == plan.perangkat_daerah_id


def test_pk_lines_without_a_header_make_one_pk_with_the_plans_place_and_date():
    doc = _doc()
    doc.pk = [_pk_item(doc, "1"), _pk_item(doc, "2")]
    (pk,) = PerjanjianKinerja.objects.filter(rencana_aksi=_write(doc))
    assert (pk.jenis, pk.pihak_pertama, pk.pihak_kedua, pk.tempat, pk.tanggal, pk.items.count()) == (
        "murni", None, None, "Samarinda", dt.date(2024, 1, 2), 2)


@pytest.mark.parametrize(("fmt", "bertanda", "catatan"), [
    ("teks", False, JADWAL_HILANG),  # a text copy of a shaded schedule
    ("csv", False, JADWAL_HILANG),
    ("xlsx", False, ""),
    ("csv", True, ""),  # months marked with "x" (the template) survive any copy
])
def test_every_aksi_gets_its_schedule_as_read(fmt, bertanda, catatan):
    plan = _write(_doc(fmt, jadwal_bertanda=bertanda))
    rapat, laporan = Aksi.objects.filter(rencana_aksi=plan).order_by("urutan")
    rows = {p.object_id: p for p in Provenance.objects.filter(rencana_aksi=plan, field="jadwal")}
    assert set(rows) == {rapat.pk, laporan.pk}
    assert (rows[rapat.pk].teks, rows[laporan.pk].teks) == ("Jan, Mar", "")
    assert {rows[rapat.pk].catatan, rows[laporan.pk].catatan} == {catatan}
    assert (rows[laporan.pk].dokumen, rows[laporan.pk].baris, rows[laporan.pk].kolom) == (f"ra.{fmt}", 8, "Jan–Des")


def test_check_document_checks_the_plan_as_it_would_be_stored_and_keeps_nothing():
    existing = _write(_doc())
    before = (RencanaAksi.objects.count(), Provenance.objects.count(), Aksi.objects.count())
    seen = {}

    def check(plan):
        seen.update(versi=plan.versi, aksi=Aksi.objects.filter(rencana_aksi=plan).count(), label=str(plan))
        return "hasil"

    result, value = api.check_document(api.ParsedDocument(dokumen=_doc(), filename="ra.xlsx", format="xlsx",
                                                          layout="uji", sha256="0" * 64, size=1), check)
    assert value == "hasil" and result.dry_run and result.counts["aksi"] == 2
    assert seen == {"versi": 2, "aksi": 2, "label": "Rencana Aksi Badan Kesbangpol 2024 (perubahan 1)"}
    assert (RencanaAksi.objects.count(), Provenance.objects.count(), Aksi.objects.count()) == before
    assert list(RencanaAksi.objects.values_list("pk", "versi")) == [(existing.pk, 1)]
