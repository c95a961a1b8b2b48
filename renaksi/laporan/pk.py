"""Perjanjian Kinerja: the statement page with both parties and its attachment (sasaran/indikator/target,
program/anggaran, total).

Built in two steps like every document (see `blok.py`): `perjanjian_kinerja()` reads the plan once through
`plan_data()` and returns a `PerjanjianKinerjaDokumen` (what the tests assert), `dokumen()` lays it out as blocks.

Where the data comes from, and what is decided when the plan does not say:
- the PK is the PD's own (`builders._perjanjian_kinerja`: the one the head of the PD signs, a perubahan before the
  murni), its lines are Tabel 2.2 of the RA document (`builders._tabel_pk`), targets as the PK states them;
- a plan without a PK (the Bangka matrix has none) still gets the document, with its attachment drawn from the
  plan's strategic indicators and yearly targets; the attachment says so in a note (`dari_pk` False), so nobody
  takes it for a signed agreement;
- pihak pertama: the PK's, else the plan's penandatangan, else the head of the PD (jabatan "Kepala <PD> <Pemda>"
  with an empty name when nobody is recorded); pihak kedua: the PK's official, else the jabatan the PK states,
  else the head of the region by the Pemda's kind ("Wali Kota Samarinda", "Bupati Bangka", "Gubernur …"),
  with the name left blank for the signer to write;
- program anggaran: the program's pagu as stated; a program that states none (Samarinda's Tabel 2.3 gives pagu
  only from the kegiatan down) shows the sum of its kegiatan pagu, and the table says so. The total is the sum of
  the rows shown (a `Sel.jumlah`, a formula in XLSX);
- place and date: the PK's, else the plan's (else the Pemda's ibukota or name; no date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify
from django.utils.translation import gettext as _

from renaksi.core.nip import format_nip
from renaksi.organisasi.models import Pejabat, Pemda, PerangkatDaerah
from renaksi.perencanaan.models import RencanaAksi

from . import blok
from .builders import (
    BarisPk,
    Nilai,
    Penandatangan,
    _merge,
    _penandatangan,
    _perjanjian_kinerja,
    _Plan,
    _tabel_pk,
)


@dataclass
class BarisProgram:
    nomor: str
    kode: str
    program: str
    anggaran: int | None
    dari_kegiatan: bool  # the program states no pagu: the sum of its kegiatan pagu is shown


@dataclass
class PerjanjianKinerjaDokumen:
    rencana_aksi_id: int
    tahun: int
    perangkat_daerah: str
    pemda: str  # "Kota Samarinda"
    singkatan: str
    jenis: str  # PerjanjianKinerja.Jenis, "murni" when the plan has no PK
    pihak_pertama: Penandatangan
    pihak_kedua: Penandatangan
    tempat: str
    tanggal: date | None
    sasaran: list[BarisPk]
    program: list[BarisProgram]
    total_anggaran: int
    dari_pk: bool  # False: the plan has no PK, the attachment is drawn from its strategic indicators
    draf: bool

    @property
    def ada_anggaran_dari_kegiatan(self) -> bool:
        return any(p.dari_kegiatan for p in self.program)


def kepala_daerah(pemda: Pemda) -> str:
    """The head of a region as a PK's pihak kedua is titled: 'Wali Kota Samarinda', 'Bupati Bangka'."""
    gelar = {Pemda.Jenis.KOTA: "Wali Kota", Pemda.Jenis.KABUPATEN: "Bupati", Pemda.Jenis.PROVINSI: "Gubernur"}
    return f"{gelar.get(pemda.jenis, '')} {pemda.nama}".strip()


def _pihak(pejabat: Pejabat | None, jabatan: str) -> Penandatangan:
    return _penandatangan(pejabat, jabatan=jabatan, tempat="", tanggal=None)


def _sasaran_dari_indikator(p: _Plan) -> list[BarisPk]:
    """The attachment of a plan without a PK: every strategic indicator with its yearly target."""
    rows, keys = [], []
    for indikator in p.strategis_indikator():
        sasaran = p.sasaran_of(indikator)
        rows.append(BarisPk(nomor=str(len(rows) + 1), sasaran=sasaran.uraian if sasaran else "", sasaran_rowspan=1,
                            indikator=indikator.nama, target=p.target(indikator, None)))
        keys.append(indikator.sasaran_id)
    _merge(rows, "sasaran", keys)
    return rows


def _program(p: _Plan) -> list[BarisProgram]:
    rows = []
    for n, program in enumerate(p.program, start=1):
        anggaran, dari_kegiatan = program.pagu, False
        if anggaran is None:
            stated = [k.pagu for k in p.data.kegiatan_of(program.pk) if k.pagu is not None]
            if stated:
                anggaran, dari_kegiatan = sum(stated), True
        rows.append(BarisProgram(nomor=str(n), kode=program.kode, program=program.nama, anggaran=anggaran,
                                 dari_kegiatan=dari_kegiatan))
    return rows


def perjanjian_kinerja(*, rencana_aksi: RencanaAksi) -> PerjanjianKinerjaDokumen:
    """The PK of a plan as data, read with a constant number of queries (plan_data's)."""
    plan = rencana_aksi
    p = _Plan.read(plan)
    pd: PerangkatDaerah = p.pd
    pemda = pd.pemda
    pk = _perjanjian_kinerja(p)
    kepala_jabatan = f"Kepala {pd.nama} {pemda}"
    penandatangan = p.data.pejabat_of(plan.penandatangan_id) or p.data.pejabat_of(pd.kepala_id)
    if pk is not None:
        sasaran, _indikator = _tabel_pk(p, pk)
        pertama = pk.pihak_pertama or penandatangan
        kedua = _pihak(pk.pihak_kedua, pk.pihak_kedua_jabatan or kepala_daerah(pemda))
        tempat, tanggal, jenis = pk.tempat, pk.tanggal, pk.jenis
    else:
        sasaran = _sasaran_dari_indikator(p)
        pertama = penandatangan
        kedua = _pihak(None, kepala_daerah(pemda))
        tempat, tanggal, jenis = "", None, "murni"
    program = _program(p)
    return PerjanjianKinerjaDokumen(
        rencana_aksi_id=plan.pk, tahun=plan.tahun, perangkat_daerah=pd.nama, pemda=str(pemda),
        singkatan=pd.singkatan, jenis=jenis,
        pihak_pertama=_pihak(pertama, kepala_jabatan), pihak_kedua=kedua,
        tempat=tempat or plan.tempat or pemda.ibukota or pemda.nama, tanggal=tanggal or plan.tanggal,
        sasaran=sasaran, program=program, total_anggaran=sum(r.anggaran or 0 for r in program),
        dari_pk=pk is not None, draf=plan.draf,
    )


# --- Layout -------------------------------------------------------------------------------------------------------


def _kepala(*judul: str) -> list[list[blok.Sel]]:
    return [[blok.Sel(j, tebal=True, rata="tengah") for j in judul]]


def _target(nilai: Nilai) -> blok.Sel:
    return blok.Sel(nilai.tampil, rata="tengah")


def tabel_sasaran(doc: PerjanjianKinerjaDokumen) -> blok.Tabel:
    rows = []
    for r in doc.sasaran:
        cells = [blok.Sel(r.nomor, rata="tengah")]
        if r.sasaran_rowspan:
            cells.append(blok.Sel(r.sasaran, rowspan=r.sasaran_rowspan))
        cells += [blok.Sel(r.indikator), _target(r.target)]
        rows.append(blok.Baris(cells))
    catatan = "" if doc.dari_pk else _(
        "Perjanjian Kinerja belum dicatat pada rencana aksi ini: lampiran disusun dari sasaran strategis, indikator "
        "dan target tahunan rencana aksi.")
    return blok.Tabel(kepala=_kepala("No", _("Sasaran Strategis"), _("Indikator Kinerja"), _("Target")),
                      baris=rows, lebar=[6, 40, 40, 14], catatan=catatan)


def tabel_program(doc: PerjanjianKinerjaDokumen) -> blok.Tabel:
    rows = [blok.Baris([blok.Sel(r.nomor, rata="tengah"), blok.Sel(f"{r.kode} {r.program}".strip()),
                        blok.Sel(r.anggaran, format="rupiah")]) for r in doc.program]
    total = blok.Baris([blok.Sel(_("Jumlah"), colspan=2, tebal=True, rata="tengah"),
                        blok.Sel(doc.total_anggaran, format="rupiah", tebal=True,
                                 jumlah=tuple(range(len(rows))))], jenis="total")
    catatan = _("Anggaran program yang tidak dinyatakan adalah jumlah pagu kegiatannya.") \
        if doc.ada_anggaran_dari_kegiatan else ""
    return blok.Tabel(kepala=_kepala("No", _("Program"), _("Anggaran (Rp)")), baris=[*rows, total],
                      lebar=[6, 70, 24], catatan=catatan)


def _tanda_tangan(doc: PerjanjianKinerjaDokumen) -> blok.TandaTangan:
    def block(pihak: Penandatangan, keterangan: str, with_date: bool) -> blok.Penandatangan:
        return blok.Penandatangan(
            jabatan=pihak.jabatan, nama=pihak.nama, pangkat_golongan=pihak.pangkat_golongan,
            nip=format_nip(pihak.nip), keterangan=keterangan,
            tempat=doc.tempat if with_date else "", tanggal=doc.tanggal if with_date else None)

    # As the forms are signed: the superior (pihak kedua) on the left, the one who commits on the right, dated.
    return blok.TandaTangan([block(doc.pihak_kedua, _("PIHAK KEDUA,"), False),
                             block(doc.pihak_pertama, _("PIHAK PERTAMA,"), True)])


def _identitas(pihak: Penandatangan) -> list[blok.Paragraf]:
    lines = [f"{_('Nama')} : {pihak.nama or '.' * 40}", f"{_('Jabatan')} : {pihak.jabatan}"]
    if pihak.pangkat_golongan:
        lines.append(f"{_('Pangkat/Golongan')} : {pihak.pangkat_golongan}")
    if pihak.nip:
        lines.append(f"{_('NIP')} : {format_nip(pihak.nip)}")
    return [blok.Paragraf(line) for line in lines]


def _judul(doc: PerjanjianKinerjaDokumen) -> str:
    perubahan = f" {_('PERUBAHAN')}" if doc.jenis == "perubahan" else ""
    return f"{_('PERJANJIAN KINERJA')}{perubahan} {_('TAHUN')} {doc.tahun}"


def layout(doc: PerjanjianKinerjaDokumen) -> blok.Dokumen:
    instansi = f"{doc.perangkat_daerah} {doc.pemda}".upper()
    pernyataan: list = [
        blok.Judul(_judul(doc), 1),
        blok.Judul(instansi, 2),
        blok.Paragraf(_("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
                        "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")),
        *_identitas(doc.pihak_pertama),
        blok.Paragraf(_("selanjutnya disebut pihak pertama.")),
        *_identitas(doc.pihak_kedua),
        blok.Paragraf(_("selaku atasan pihak pertama, selanjutnya disebut pihak kedua.")),
        blok.Paragraf(_("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
                        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
                        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
                        "tersebut menjadi tanggung jawab kami.")),
        blok.Paragraf(_("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
                        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam "
                        "rangka pemberian penghargaan dan sanksi.")),
        _tanda_tangan(doc),
    ]
    lampiran: list = [
        blok.Judul(f"{_('LAMPIRAN')} {_judul(doc)}", 1),
        blok.Judul(instansi, 2),
        tabel_sasaran(doc),
        tabel_program(doc),
        _tanda_tangan(doc),
    ]
    nama = slugify(f"perjanjian-kinerja {doc.singkatan or doc.perangkat_daerah} {doc.pemda} {doc.tahun}")
    return blok.Dokumen(
        judul=f"{_('Perjanjian Kinerja')} {doc.perangkat_daerah} {doc.pemda} {_('Tahun')} {doc.tahun}",
        nama_berkas=nama, bagian=[blok.Bagian(pernyataan), blok.Bagian(lampiran)], draf=doc.draf,
        pembuat=f"{doc.perangkat_daerah} {doc.pemda}", subjek=_("Perjanjian Kinerja"),
        kata_kunci=["SAKIP", _("Perjanjian Kinerja"), str(doc.tahun)],
    )


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> blok.Dokumen:
    """The Perjanjian Kinerja of a plan as blocks (`triwulan` is not used: a PK is signed for the year)."""
    return layout(perjanjian_kinerja(rencana_aksi=rencana_aksi))
