"""The neutral structure (`RencanaAksiDoc`) → a plan, written through the services, inside the caller's transaction.

Order: Pemda and Perangkat Daerah (found or created), bidang, pejabat, the plan (draft), sasaran (parents first)
with indikator and targets, programs → kegiatan → sub kegiatan → aksi with their pagu as written, the Perjanjian
Kinerja. Every pagu and target read from the document gets a `Provenance` row naming its place; a pagu stated twice
(Tabel 2.3 and a bidang page) gets one row per place, so the checker can compare them. Every aksi gets one row
`field="jadwal"`: its months as read ("Jan, Feb", "" when none) and, where the copy cannot show shaded month cells
(a text or CSV copy of a layout that shades its months), a note saying so; the checker tells a lost schedule from an
empty one by it. Empty targets are stored empty (NULL). A value the database refuses (too long for its field, out of range) stops the import with
`ImporGagal` naming the place it came from: the caller's transaction then leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils.translation import gettext

from renaksi.core.angka import banyak_desimal
from renaksi.core.bulan import singkat_bulan
from renaksi.core.db import database_busy
from renaksi.core.riwayat import sumber_perubahan
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
    Uang,
)
from renaksi.impor.grid import Catatan, ImporGagal, Place
from renaksi.organisasi import selectors as org_selectors
from renaksi.organisasi import services as org
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, RencanaAksi, Sasaran

LEVEL_RANK = {"strategis": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
_MAX_DECIMAL = Decimal(10) ** 18  # Provenance.nilai holds 24 digits, 6 of them decimals
# Formats whose copy of a table keeps the text of a cell but not its shading.
TEXT_COPY_FORMATS = ("teks", "csv")
JADWAL_HILANG = "arsiran bulan hilang pada salinan teks"


class ImporDitolak(Exception):
    """The document is readable but the import is refused; the message (Indonesian) says why."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class RencanaAksiSudahAda(ImporDitolak):
    """A plan for this PD and year exists; the caller offers to replace it (after showing the difference)."""

    def __init__(self, rencana_aksi: RencanaAksi):
        self.rencana_aksi = rencana_aksi
        super().__init__(
            f"Rencana aksi {rencana_aksi.perangkat_daerah.nama} tahun {rencana_aksi.tahun} sudah ada "
            f"(id {rencana_aksi.pk}, status {rencana_aksi.get_status_display()}). Gunakan --replace untuk melihat "
            "perbedaannya dan menggantinya."
        )


@dataclass
class Tujuan:
    """Where the plan goes: resolved from the caller's choices and the document's title."""

    perangkat_daerah: PerangkatDaerah
    tahun: int
    notes: list[Catatan] = field(default_factory=list)


def resolve_tujuan(doc: RencanaAksiDoc, *, pemda: Pemda | str | None, perangkat_daerah: PerangkatDaerah | str | None,
                   tahun: int | None) -> Tujuan:
    """The PD and year to import into: the caller's choice when given, else what the document's title says."""
    notes: list[Catatan] = []
    place = doc.perangkat_daerah.place if doc.perangkat_daerah else Place(doc.dokumen)
    tahun = tahun or doc.tahun
    if not tahun:
        raise ImporGagal(gettext("tahun rencana aksi tidak tertulis di judul dokumen; sebutkan tahunnya "
                                 "(--tahun)."), place)
    if isinstance(perangkat_daerah, PerangkatDaerah):
        pd = perangkat_daerah
    else:
        pemda_obj = _resolve_pemda(doc, pemda, place)
        nama = (perangkat_daerah or (doc.perangkat_daerah.teks if doc.perangkat_daerah else "")).strip()
        if not nama:
            raise ImporGagal(gettext("perangkat daerah tidak tertulis di judul dokumen; sebutkan namanya "
                                     "(--perangkat-daerah)."), place)
        pd = _call(place, org.perangkat_daerah_get_or_create, pemda=pemda_obj, nama=nama)
    if doc.perangkat_daerah and perangkat_daerah is not None and \
            doc.perangkat_daerah.teks.casefold() != pd.nama.casefold():
        notes.append(
            Catatan(
                "tujuan.berbeda",
                gettext(
                    "Dokumen menyebut '%(pd_dokumen)s'; diimpor ke '%(pd_nama)s' sesuai pilihan."
                )
                % {"pd_dokumen": doc.perangkat_daerah.teks, "pd_nama": pd.nama},
                place,
            )
        )
    if doc.tahun and tahun != doc.tahun:
        notes.append(
            Catatan(
                "tujuan.berbeda",
                gettext("Dokumen menyebut tahun %(tahun)s; diimpor sebagai tahun %(tahun2)s sesuai pilihan.")
                % {"tahun": doc.tahun, "tahun2": tahun},
                doc.judul.place if doc.judul else place,
            )
        )
    return Tujuan(pd, int(tahun), notes)


def _resolve_pemda(doc: RencanaAksiDoc, pemda: Pemda | str | None, place: Place | None) -> Pemda:
    if isinstance(pemda, Pemda):
        return pemda
    if pemda:
        try:
            return org_selectors.pemda_cari(teks=pemda)
        except org_selectors.PemdaTidakDitemukan as exc:
            # A new Pemda is made when the name says its jenis (or the document's title does).
            nama = exc.nama
            jenis = exc.jenis or (doc.pemda_jenis if doc.pemda_nama.casefold() == nama.casefold() else "")
            if not jenis:
                raise ImporGagal(gettext("%(pesan)s Untuk Pemda baru, tulis lengkap dengan jenisnya, misalnya "
                                         "'Kota %(nama)s' atau 'Kabupaten %(nama)s'.")
                                 % {"pesan": exc, "nama": nama}, place) from exc
        return _call(place, org.pemda_get_or_create, jenis=jenis, nama=nama)
    if not doc.pemda_nama or not doc.pemda_jenis:
        raise ImporGagal(gettext("pemerintah daerah tidak tertulis di judul dokumen; sebutkan (--pemda "
                                 "'Kota …')."), place)
    return _call(place, org.pemda_get_or_create, jenis=doc.pemda_jenis, nama=doc.pemda_nama)


def _messages(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            return "; ".join(f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
                             for k, v in exc.message_dict.items())
        return " ".join(exc.messages)
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__


def _call(place: Place | None, fn, **kwargs):
    """Call a service; a value the database refuses becomes `ImporGagal` naming where the value came from."""
    try:
        return fn(**kwargs)
    except (ValidationError, DatabaseError) as exc:
        if database_busy(exc):
            raise  # not the document's fault: the caller says "coba lagi"
        raise ImporGagal(gettext("nilai tidak dapat disimpan (%(messages_exc)s).")
                         % {"messages_exc": _messages(exc)}, place) from exc


class Writer:
    def __init__(self, doc: RencanaAksiDoc, tujuan: Tujuan, *, versi: int = 1):
        self.doc, self.tujuan, self.versi = doc, tujuan, versi
        self.pd = tujuan.perangkat_daerah
        self.bidang: dict[str, Bidang] = {}
        self.pejabat: dict[int, Pejabat] = {}
        self.sasaran: dict[int, Sasaran] = {}
        self.indikator: dict[int, Indikator] = {}
        self.ra: RencanaAksi | None = None
        self.warnings: list[Catatan] = []

    # --- helpers -----------------------------------------------------------------------------------------------

    def _bidang(self, nama: str, place: Place | None = None) -> Bidang | None:
        if not nama:
            return None
        if nama not in self.bidang:
            self.bidang[nama] = _call(place, org.bidang_get_or_create, perangkat_daerah=self.pd, nama=nama,
                                      urutan=len(self.bidang) + 1)
        return self.bidang[nama]

    def _prov(self, obj, fld: str, teks: str, nilai, place: Place | None, catatan: str = "") -> None:
        if nilai is not None:
            nilai = Decimal(nilai)
            if abs(nilai) >= _MAX_DECIMAL or banyak_desimal(nilai) > 6:
                nilai = None  # the text keeps it; the column cannot
        place = place or Place(self.doc.dokumen)
        _call(place, svc.provenance_record, obj=obj, rencana_aksi=self.ra, field=fld, teks=teks,
              dokumen=(place.dokumen or self.doc.dokumen)[:255], nilai=nilai,
              tabel=(place.tabel or place.sheet or (f"halaman {place.halaman}" if place.halaman else ""))[:255], baris=place.baris, kolom=place.kolom_label()[:100],
              catatan=catatan)

    def _prov_uang(self, obj, uang: Uang | None) -> None:
        if uang is None:
            return
        self._prov(obj, "pagu", uang.teks, uang.nilai, uang.place, uang.catatan)
        for part in uang.bagian:
            self._prov(obj, "pagu_bagian", part.teks, part.nilai, part.place, "bagian dari pagu yang dijumlahkan")

    # --- the plan ------------------------------------------------------------------------------------------------

    def write(self) -> RencanaAksi:
        # Every history row of this import names the file (shown on the history page as "Impor: <file>").
        with sumber_perubahan(f"Impor: {self.doc.dokumen}"):
            return self._write()

    def _write(self) -> RencanaAksi:
        doc = self.doc
        for b in doc.bidang:
            self._bidang(b.nama.teks, b.nama.place)
        for p in doc.pejabat:
            self._pejabat(p)
        penandatangan = self.pejabat.get(id(doc.penandatangan)) if doc.penandatangan else None
        judul = doc.judul.teks if doc.judul else ""
        stated = doc.judul_tetap and bool(judul)
        if not stated and (not judul or self.pd.nama.casefold() not in judul.casefold() or len(judul) > 300):
            judul = RencanaAksi.judul_bawaan(self.pd, self.tujuan.tahun)
        place = doc.judul.place if doc.judul else Place(doc.dokumen)
        self.ra = _call(place, svc.rencana_aksi_create, perangkat_daerah=self.pd, tahun=self.tujuan.tahun,
                        judul=judul if stated else judul[:300], tempat=doc.tempat[:100], tanggal=doc.tanggal, penandatangan=penandatangan,
                        sumber=doc.dokumen[:255], versi=self.versi)
        if doc.pagu_total is not None:
            self._prov(self.ra, "pagu_total", doc.pagu_total.teks, doc.pagu_total.nilai, doc.pagu_total.place,
                       "total pagu yang tertulis di dokumen")
        for urutan, sasaran in enumerate(self._parents_first(doc.sasaran), start=1):
            self._sasaran(sasaran, urutan)
        for urutan, program in enumerate(doc.program, start=1):
            self._program(program, urutan)
        self._pk()
        self._renstra()
        return self.ra

    def _renstra(self) -> None:
        """The Renstra period and its tujuan, when the document states them (kept for the PD, reused later)."""
        doc = self.doc
        if doc.renstra_periode is None:
            if doc.tujuan:
                self.warnings.append(Catatan(
                    "tujuan.tidak_disimpan",
                    gettext("%(n_tujuan)s tujuan terbaca (%(teks)s) tetapi periode Renstra-nya tidak "
                            "tertulis, jadi tidak disimpan.")
                    % {"n_tujuan": len(doc.tujuan), "teks": "; ".join(t.uraian.teks for t in doc.tujuan)},
                    doc.tujuan[0].uraian.place,
                ))
            return
        awal, akhir = doc.renstra_periode
        place = doc.tujuan[0].uraian.place if doc.tujuan else Place(doc.dokumen)
        renstra = _call(place, svc.renstra_get_or_create, perangkat_daerah=self.pd, tahun_awal=awal,
                        tahun_akhir=akhir)
        _call(place, svc.rencana_aksi_set_renstra, rencana_aksi=self.ra, renstra=renstra)
        for tujuan in doc.tujuan:
            _call(tujuan.uraian.place, svc.tujuan_get_or_create, renstra=renstra, uraian=tujuan.uraian.teks,
                  nomor=tujuan.nomor[:20])

    def _pejabat_of(self, p: PejabatDoc | None) -> Pejabat | None:
        """The stored official of a `PejabatDoc`; one the document names but does not list is stored now."""
        if p is None:
            return None
        if id(p) not in self.pejabat:
            self._pejabat(p)
        return self.pejabat[id(p)]

    def _pejabat(self, p: PejabatDoc) -> None:
        bidang = self._bidang(p.bidang, p.nama.place)
        obj = _call(p.nama.place, org.pejabat_get_or_create, perangkat_daerah=self.pd, nama=p.nama.teks[:200],
                    jabatan=p.jabatan.teks[:255] or "-", nip=p.nip, pangkat=p.pangkat, golongan=p.golongan,
                    status=p.status, bidang=bidang)
        self.pejabat[id(p)] = obj
        if p.kepala_bidang and bidang is not None and bidang.kepala_id is None:
            _call(p.nama.place, org.bidang_set_kepala, bidang=bidang, pejabat=obj)
        if p.kepala_pd and self.pd.kepala_id is None:
            _call(p.nama.place, org.perangkat_daerah_set_kepala, perangkat_daerah=self.pd, pejabat=obj)

    @staticmethod
    def _parents_first(items: list[SasaranDoc]) -> list[SasaranDoc]:
        ordered: list[SasaranDoc] = []
        done: set[int] = set()
        pending = sorted(items, key=lambda s: LEVEL_RANK.get(s.level, 9))
        while pending:
            ready = [s for s in pending if s.parent is None or id(s.parent) in done or s.parent not in items]
            if not ready:  # a cycle cannot come from a layout; break it rather than loop
                ready = pending[:1]
            for s in ready:
                ordered.append(s)
                done.add(id(s))
            pending = [s for s in pending if id(s) not in done]
        return ordered

    def _sasaran(self, s: SasaranDoc, urutan: int) -> None:
        parent = self.sasaran.get(id(s.parent)) if s.parent is not None else None
        level = s.level if s.level in LEVEL_RANK else Sasaran.Level.STRATEGIS
        obj = _call(s.uraian.place, svc.sasaran_create, rencana_aksi=self.ra, uraian=s.uraian.teks, level=level,
                    parent=parent, nomor=s.nomor, bidang=self._bidang(s.bidang, s.uraian.place), urutan=urutan)
        self.sasaran[id(s)] = obj
        for urutan, ind in enumerate(s.indikator, start=1):
            self._indikator(obj, ind, urutan)

    def _indikator(self, sasaran: Sasaran, ind: IndikatorDoc, urutan: int) -> None:
        place = ind.nama.place
        obj = _call(place, svc.indikator_create, sasaran=sasaran, nama=ind.nama.teks,
                    satuan=ind.satuan.teks if ind.satuan else "", formulasi=ind.formulasi.teks if ind.formulasi else "",
                    polaritas=ind.polaritas or Indikator.Polaritas.POSITIF,
                    polaritas_disimpulkan=ind.polaritas_disimpulkan, akumulasi=ind.akumulasi or "kumulatif",
                    akumulasi_disimpulkan=ind.akumulasi_disimpulkan, alasan_inferensi=ind.alasan_inferensi,
                    jenis_target=ind.jenis_target or Indikator.JenisTarget.ANGKA, is_iku=ind.is_iku,
                    penanggung_jawab=ind.penanggung_jawab.teks if ind.penanggung_jawab else "",
                    sumber_data=ind.sumber_data[:255], bidang=self._bidang(ind.bidang, place), urutan=urutan)
        self.indikator[id(ind)] = obj
        notes = [t.teks for t in ind.keterangan]
        notes += [_also_written(t) for t in ind.nama_lain]
        if notes:
            _call(place, svc.indikator_update, indikator=obj, catatan="\n".join(notes))
        if ind.target_renstra is not None:
            self._prov(obj, "target_renstra", ind.target_renstra.angka.teks, ind.target_renstra.angka.nilai,
                       ind.target_renstra.place, "target periode Renstra, bukan target tahun ini")
        yearly = None
        for triwulan, nilai in ind.targets():
            target = self._target(obj, triwulan, nilai)
            if triwulan is None:
                yearly = target
        for other in ind.target_lain:
            if yearly is not None:
                self._prov(yearly, "nilai", other.angka.teks, other.angka.nilai, other.place,
                           "target tahunan yang sama, tertulis di tempat lain")

    def _target(self, indikator: Indikator, triwulan: int | None, nilai: NilaiSel):
        angka = nilai.angka
        target = _call(nilai.place, svc.target_set, indikator=indikator, tahun=self.tujuan.tahun, triwulan=triwulan,
                       nilai=angka.nilai, kategori=angka.kategori, teks=angka.teks.strip(), desimal=angka.desimal)
        if not angka.kosong or angka.teks.strip():
            self._prov(target, "nilai", angka.teks, angka.nilai, nilai.place, angka.keputusan)
        return target

    def _indikator_list(self, items: list[IndikatorDoc]) -> list[Indikator]:
        return [self.indikator[id(i)] for i in items if id(i) in self.indikator]

    # --- budget -------------------------------------------------------------------------------------------------

    def _program(self, p: ProgramDoc, urutan: int) -> None:
        obj = _call(p.nama.place, svc.program_create, rencana_aksi=self.ra, nama=p.nama.teks, kode=p.kode,
                    pagu=p.pagu.nilai if p.pagu else None, indikator=self._indikator_list(p.indikator), urutan=urutan)
        self._prov_uang(obj, p.pagu)
        for other in p.pagu_lain:
            self._prov_uang(obj, other)
        for k_urutan, kegiatan in enumerate(p.kegiatan, start=1):
            self._kegiatan(obj, kegiatan, k_urutan)

    def _kegiatan(self, program, k: KegiatanDoc, urutan: int) -> None:
        obj = _call(k.nama.place, svc.kegiatan_create, program=program, nama=k.nama.teks, kode=k.kode,
                    pagu=k.pagu.nilai if k.pagu else None, indikator=self._indikator_list(k.indikator),
                    urutan=urutan)
        self._prov_uang(obj, k.pagu)
        for other in k.pagu_lain:
            self._prov_uang(obj, other)
        for s_urutan, sub in enumerate(k.sub_kegiatan, start=1):
            self._sub(obj, sub, s_urutan)

    def _sub(self, kegiatan, s: SubKegiatanDoc, urutan: int) -> None:
        target = s.target.angka if s.target else None
        obj = _call(s.nama.place, svc.sub_kegiatan_create, kegiatan=kegiatan, nama=s.nama.teks, kode=s.kode,
                    pagu=s.pagu.nilai if s.pagu else None, bidang=self._bidang(s.bidang, s.nama.place),
                    indikator=self._indikator_list(s.indikator),
                    target_nilai=target.nilai if target else None,
                    target_satuan=(target.satuan or target.keterangan) if target else "",
                    target_teks=target.teks.strip() if target else "", urutan=urutan,
                    catatan="\n".join(([s.catatan] if s.catatan else []) + [
                        _also_written(t) for t in _distinct_names(s.nama, s.nama_lain)]))
        self._prov_uang(obj, s.pagu)
        for other in s.pagu_lain:
            self._prov_uang(obj, other)
        if s.target is not None:
            self._prov(obj, "target", s.target.angka.teks, s.target.angka.nilai, s.target.place)
        for a_urutan, aksi in enumerate(s.aksi, start=1):
            self._aksi(obj, aksi, a_urutan)

    def _aksi(self, sub_kegiatan, aksi: AksiDoc, urutan: int) -> None:
        target = aksi.target.angka if aksi.target else None
        obj = _call(aksi.uraian.place, svc.aksi_create, sub_kegiatan=sub_kegiatan, uraian=aksi.uraian.teks,
                    nomor=aksi.nomor, keluaran=aksi.keluaran.teks if aksi.keluaran else "",
                    target_nilai=target.nilai if target else None, target_satuan=target.satuan if target else "",
                    target_teks=target.teks.strip() if target else "", pagu=aksi.pagu.nilai if aksi.pagu else None,
                    penanggung_jawab=aksi.penanggung_jawab.teks[:255] if aksi.penanggung_jawab else "",
                    pejabat=self._pejabat_of(aksi.pejabat), bulan=aksi.bulan, urutan=urutan,
                    catatan=aksi.catatan)
        self._prov_uang(obj, aksi.pagu)
        if aksi.target is not None:
            self._prov(obj, "target", aksi.target.angka.teks, aksi.target.angka.nilai, aksi.target.place)
        self._prov_jadwal(obj, aksi)

    def _prov_jadwal(self, obj, aksi: AksiDoc) -> None:
        """The schedule as read, on every aksi: the checker tells "not scheduled" from "not readable" by it."""
        place = aksi.uraian.place or Place(self.doc.dokumen)
        place = dataclasses.replace(place, kolom=None, judul_kolom="Jan–Des")
        lost = self.doc.format in TEXT_COPY_FORMATS and not self.doc.jadwal_bertanda
        self._prov(obj, "jadwal", ", ".join(singkat_bulan(b) for b in sorted(set(aksi.bulan)) if 1 <= b <= 12), None,
                   place, JADWAL_HILANG if lost else "")

    # --- Perjanjian Kinerja ----------------------------------------------------------------------------------------

    def _pk(self) -> None:
        """Each PK the document states, with its header; lines without one make one PK with the plan's place and
        date."""
        for stated in self.doc.perjanjian_kinerja:
            self._perjanjian(stated)
        if self.doc.pk:
            self._perjanjian(PerjanjianKinerjaDoc(tempat=self.doc.tempat, tanggal=self.doc.tanggal,
                                                  items=self.doc.pk, place=self.doc.pk[0].indikator.place))

    def _perjanjian(self, doc_pk: PerjanjianKinerjaDoc) -> None:
        place = doc_pk.place or (doc_pk.items[0].indikator.place if doc_pk.items else Place(self.doc.dokumen))
        pk = _call(place, svc.perjanjian_kinerja_create, rencana_aksi=self.ra, jenis=doc_pk.jenis or "murni",
                   pihak_pertama=self._pejabat_of(doc_pk.pihak_pertama),
                   pihak_kedua=self._pejabat_of(doc_pk.pihak_kedua),
                   pihak_kedua_jabatan=doc_pk.pihak_kedua_jabatan[:255], tempat=doc_pk.tempat[:100],
                   tanggal=doc_pk.tanggal)
        self._pk_items(pk, doc_pk.items)

    def _pk_items(self, pk, items: list[PKItemDoc]) -> None:
        for urutan, item in enumerate(items, start=1):
            angka = item.target.angka if item.target else None
            indikator = self.indikator.get(id(item.indikator_ref)) if item.indikator_ref else None
            obj = _call(item.indikator.place, svc.perjanjian_kinerja_item_create, perjanjian_kinerja=pk,
                        indikator=indikator, nomor=item.nomor[:20], target_nilai=angka.nilai if angka else None,
                        target_kategori=angka.kategori if angka else "",
                        target_teks=angka.teks.strip() if angka else "", urutan=urutan)
            if item.target is not None:
                self._prov(obj, "target", item.target.angka.teks, item.target.angka.nilai, item.target.place)


def _distinct_names(nama: Teks, others: list[Teks]) -> list[Teks]:
    seen = {re.sub(r"\s+", " ", nama.teks).casefold()}
    result = []
    for t in others:
        key = re.sub(r"\s+", " ", t.teks).casefold()
        if key not in seen:
            seen.add(key)
            result.append(t)
    return result



def _also_written(teks: Teks) -> str:
    """Another spelling of a name, kept in the row's notes: 'Ditulis juga sebagai: … (berkas …, baris 12)'."""
    text = gettext("Ditulis juga sebagai: %(teks)s") % {"teks": teks.teks}
    return f"{text} ({teks.place.describe()})" if teks.place else text
