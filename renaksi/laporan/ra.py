"""Dokumen Rencana Aksi as the Samarinda seed lays it out (cover, foreword, bab I-III, Tabel 2.1-2.4, one section per bidang, closing page).

The data is `builders.rencana_aksi_dokumen()` (tested on its own); this module only places it:
- a cover (PEMERINTAH <PEMDA>, RENCANA AKSI, the version when it is a perubahan, TAHUN, the PD, its address);
- KATA PENGANTAR, signed by the head of the PD; BAB I PENDAHULUAN (1.1–1.3) — the narrative the PD edits on the
  plan (`perencanaan/narasi.py`), or its default;
- BAB II: 2.1 Rencana Strategis, 2.2 IKU (Tabel 2.1 with formulasi), 2.3 Perjanjian Kinerja (Tabel 2.2) and the
  program, kegiatan and sub kegiatan with pagu and their total (Tabel 2.3, landscape), 2.4 the quarterly targets
  (Tabel 2.4); then one landscape section per bidang: its indicators with TW targets, one table per sub kegiatan
  with its aksi, the months Jan–Des marked (a tick on a filled cell), output, program, kegiatan, sub kegiatan,
  target and pagu, and the signature of the head of the bidang. A plan without aksi (the Bangka layout) gets the
  Matriks Rencana Aksi there instead;
- BAB III PENUTUP, the closing page, signed by the head of the PD.
"""

from __future__ import annotations

from functools import lru_cache

from django.utils.translation import gettext as _

from renaksi.core.gcpause import gc_paused
from renaksi.perencanaan.models import RencanaAksi

from .blok import Bagian, Baris, Dokumen, Judul, Paragraf, Sel, Tabel, TandaTangan
from .builders import (
    BagianBidang,
    BarisIku,
    BarisIndikatorBidang,
    BarisPk,
    BarisTarget,
    RencanaAksiDokumen,
    TabelAksi,
    rencana_aksi_dokumen,
)
from .matriks import kepala, nama_berkas, penandatangan, sel_rupiah, sel_target, tabel_matriks

JADWAL = "✓"  # a scheduled month: the tick, on a filled cell
JADWAL_LATAR = "9BC2E6"


@gc_paused()  # a large plan's document is some 100,000 objects (renaksi/core/gcpause.py)
def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    """The document of the whole year's plan; `triwulan` is not used (every document module takes it)."""
    data = rencana_aksi_dokumen(rencana_aksi=rencana_aksi)
    s = data.sampul
    judul = _("Rencana Aksi %(pd)s %(pemda)s Tahun %(tahun)s") % {"pd": s.perangkat_daerah, "pemda": s.pemda,
                                                                    "tahun": s.tahun}
    if s.versi > 1:
        judul = f"{judul} ({s.label_versi})"
    bagian = [_sampul(data), _kata_pengantar(data), _bab_1(data), *_bab_2(data), *_bidang(data), _penutup(data)]
    return Dokumen(judul=judul, nama_berkas=nama_berkas("rencana-aksi", s), bagian=bagian, draf=s.draf,
                   pembuat=f"{s.perangkat_daerah} {s.pemda}", subjek=_("Rencana Aksi"),
                   kata_kunci=[_("rencana aksi"), _("SAKIP"), str(s.tahun)])


def _pd(d: RencanaAksiDokumen) -> str:
    return f"{d.sampul.perangkat_daerah} {d.sampul.pemda}"


def _paragraf(teks: str) -> Paragraf:
    return Paragraf(teks)


# --- Cover, foreword, BAB I ---------------------------------------------------------------------------------------


def _sampul(d: RencanaAksiDokumen) -> Bagian:
    s = d.sampul
    blok: list = [Paragraf(_("PEMERINTAH %(pemda)s") % {"pemda": s.pemda.upper()}, rata="tengah"),
                  Judul(_("RENCANA AKSI"), 1)]
    if s.versi > 1:
        blok.append(Paragraf(s.label_versi.upper(), rata="tengah"))
    if s.judul_sampul:  # a title of its own, printed so that the document says it (and an import reads it back)
        blok.append(Paragraf(s.judul_sampul, rata="tengah"))
    blok += [Paragraf(_("TAHUN %(tahun)s") % {"tahun": s.tahun}, rata="tengah"),
             Paragraf(f"{s.perangkat_daerah}\n{s.pemda}".upper(), rata="tengah")]
    if s.alamat:
        blok.append(Paragraf(s.alamat, rata="tengah"))
    return Bagian(blok=blok, sampul=True)


def _kata_pengantar(d: RencanaAksiDokumen) -> Bagian:
    return Bagian(blok=[Judul(_("KATA PENGANTAR"), 1), _paragraf(d.narasi["kata_pengantar"]),
                        TandaTangan([penandatangan(d.penandatangan)])])


def _bab_1(d: RencanaAksiDokumen) -> Bagian:
    return Bagian(blok=[
        Judul(_("BAB I PENDAHULUAN"), 1),
        Judul(_("1.1 Latar Belakang"), 2), _paragraf(d.narasi["latar_belakang"]),
        Judul(_("1.2 Maksud dan Tujuan"), 2), _paragraf(d.narasi["maksud_tujuan"]),
        Judul(_("1.3 Sistematika Penulisan"), 2), _paragraf(d.narasi["sistematika"]),
    ])


# --- BAB II -------------------------------------------------------------------------------------------------------


def _bab_2(d: RencanaAksiDokumen) -> list[Bagian]:
    v = {"pd": _pd(d), "tahun": d.tahun}
    awal = Bagian(blok=[
        Judul(_("BAB II RENCANA AKSI"), 1),
        Judul(_("2.1 Rencana Strategis"), 2), _paragraf(d.narasi["rencana_strategis"]),
        Judul(_("2.2 Indikator Kinerja Utama (IKU)"), 2),
        Paragraf(_("%(pd)s telah menetapkan Indikator Kinerja Utama (IKU) sebagai ukuran keberhasilan organisasi "
                   "dalam mencapai sasaran strategis, sebagai berikut:") % v),
        _tabel_iku(d) if d.tabel_iku else Paragraf(_("Belum ada indikator sasaran strategis yang ditandai sebagai "
                                                     "IKU.")),
        Judul(_("2.3 Perjanjian Kinerja (PK)"), 2),
        Paragraf(_("Perjanjian Kinerja adalah pernyataan komitmen yang merepresentasikan tekad dan janji untuk "
                   "mencapai kinerja yang jelas dan terukur dalam rentang waktu satu tahun dengan mempertimbangkan "
                   "sumber daya yang dikelola. Perjanjian Kinerja %(pd)s Tahun %(tahun)s adalah sebagai berikut:")
                 % v),
        _tabel_pk(d) if d.tabel_pk else Paragraf(_("Perjanjian Kinerja belum diisi untuk rencana aksi ini.")),
    ])
    anggaran = Bagian(blok=[_tabel_anggaran(d) if d.tabel_anggaran else Paragraf(_("Belum ada program."))],
                      orientasi="lanskap")
    target = Bagian(blok=[
        Judul(_("2.4 Rencana Aksi"), 2),
        Paragraf(_("Rencana Aksi %(pd)s Tahun %(tahun)s merupakan penjabaran lebih lanjut atas rencana pelaksanaan "
                   "Perjanjian Kinerja yang dituangkan secara berkala (per bulan atau triwulan), sebagai berikut:")
                 % v),
        _tabel_target(d) if d.tabel_target else Paragraf(_("Belum ada indikator sasaran strategis.")),
    ], orientasi="lanskap")
    bagian = [awal, anggaran, target]
    if d.matriks:
        bagian.append(Bagian(blok=[
            Judul(_("Matriks Rencana Aksi %(pd)s Tahun %(tahun)s") % v, 2),
            tabel_matriks(d.matriks), TandaTangan([penandatangan(d.penandatangan)]),
        ], orientasi="lanskap"))
    return bagian


def _baris_sasaran(r: BarisIku | BarisPk | BarisTarget | BarisIndikatorBidang, *sel: Sel) -> Baris:
    """A row of Tabel 2.1, 2.2, 2.4 or a bidang's indikator table: number, sasaran (spanning its indikator),
    indikator, then the table's own cells `sel`."""
    sasaran = [Sel(r.sasaran, rowspan=r.sasaran_rowspan)] if r.sasaran_rowspan else []
    return Baris([Sel(r.nomor, rata="tengah"), *sasaran, Sel(r.indikator), *sel])


def _tabel_iku(d: RencanaAksiDokumen) -> Tabel:
    baris = [_baris_sasaran(r, Sel(r.formulasi), sel_target(r.target)) for r in d.tabel_iku]
    return Tabel(
        kepala=[[kepala(_("NO")), kepala(_("Sasaran Strategis")), kepala(_("Indikator Kinerja Sasaran")),
                 kepala(_("Formulasi")), kepala(_("Target Kinerja"))]],
        baris=baris, lebar=[5, 25, 25, 33, 12],
        judul=_("Tabel 2.1 Indikator Kinerja Utama (IKU) %(pd)s") % {"pd": _pd(d)})


def _tabel_pk(d: RencanaAksiDokumen) -> Tabel:
    baris = [_baris_sasaran(r, sel_target(r.target)) for r in d.tabel_pk]
    return Tabel(
        kepala=[[kepala(_("NO")), kepala(_("Sasaran Strategis")), kepala(_("Indikator Kinerja Sasaran")),
                 kepala(_("Target Kinerja"))]],
        baris=baris, lebar=[5, 38, 42, 15],
        judul=_("Tabel 2.2 Perjanjian Kinerja %(pd)s Tahun %(tahun)s") % {"pd": _pd(d), "tahun": d.tahun})


def _uraian_anggaran(r) -> str:
    kode = f"{r.kode} " if r.kode else ""
    if r.jenis == "kegiatan":
        return _("Kegiatan : %(uraian)s") % {"uraian": kode + r.uraian}
    if r.jenis == "sub_kegiatan":
        teks = f"{r.urutan}. {kode}{r.uraian}"
        return _("Sub Kegiatan : %(uraian)s") % {"uraian": teks} if r.urutan == 1 else teks
    return ""


def _tabel_anggaran(d: RencanaAksiDokumen) -> Tabel:
    """Tabel 2.3; a program's own row holds its pagu; the total adds the rows `dijumlah` (the kegiatan, and a
    program's own row when it has no kegiatan), so a program's pagu is not counted twice."""
    baris, jumlah = [], []
    for r in d.tabel_anggaran:
        cells = []
        if r.nomor_rowspan:
            cells.append(Sel(r.nomor, rowspan=r.nomor_rowspan, rata="tengah"))
        if r.sasaran_rowspan:
            cells.append(Sel(r.sasaran, rowspan=r.sasaran_rowspan))
        if r.indikator_rowspan:
            cells += [Sel(r.indikator, rowspan=r.indikator_rowspan),
                      sel_target(r.target, rowspan=r.indikator_rowspan)]
        if r.program_rowspan:
            program = f"{r.program_kode} {r.program}" if r.program_kode else r.program
            cells.append(Sel(program, rowspan=r.program_rowspan))
        cells += [Sel(_uraian_anggaran(r), tebal=r.jenis == "kegiatan"),
                  sel_rupiah(r.pagu, tebal=r.jenis == "kegiatan")]
        if r.dijumlah:
            jumlah.append(len(baris))
        baris.append(Baris(cells))
    baris.append(Baris([Sel(_("Total Pagu Anggaran"), tebal=True, colspan=6),
                        Sel(d.total_pagu, "rupiah", tebal=True, jumlah=tuple(jumlah))], jenis="total"))
    return Tabel(
        kepala=[[kepala(_("NO")), kepala(_("Sasaran Strategis")), kepala(_("Indikator Kinerja Sasaran Utama")),
                 kepala(_("Target/ Satuan")), kepala(_("Program")), kepala(_("Kegiatan/Sub Kegiatan")),
                 kepala(_("Pagu Anggaran (Rp)"))]],
        baris=baris, lebar=[4, 17, 17, 8, 17, 26, 11],
        judul=_("Tabel 2.3 Program, Kegiatan dan Sub Kegiatan yang Menunjang Sasaran Strategis %(pd)s Tahun "
                "%(tahun)s") % {"pd": _pd(d), "tahun": d.tahun},
        catatan=_("Total adalah jumlah pagu kegiatan sebagaimana tercatat; selisih dengan jumlah sub kegiatan "
                  "dilaporkan oleh pemeriksa konsistensi, tidak dikoreksi di sini."))


def _tabel_target(d: RencanaAksiDokumen) -> Tabel:
    baris = [_baris_sasaran(r, Sel(r.satuan), sel_target(r.tahunan), *(sel_target(t) for t in r.triwulan))
             for r in d.tabel_target]
    return Tabel(
        kepala=[[kepala(_("NO"), rowspan=2), kepala(_("Sasaran Strategis"), rowspan=2),
                 kepala(_("Indikator Kinerja Sasaran Utama"), rowspan=2), kepala(_("Satuan"), rowspan=2),
                 kepala(_("Target Tahunan"), rowspan=2), kepala(_("Target Triwulan"), colspan=4)],
                [kepala(tw) for tw in d.triwulan]],
        baris=baris, lebar=[4, 26, 28, 9, 9, 6, 6, 6, 6],
        judul=_("Tabel 2.4 Target Rencana Aksi untuk Pencapaian Sasaran Strategis %(pd)s Tahun %(tahun)s")
        % {"pd": _pd(d), "tahun": d.tahun})


# --- One section per bidang ---------------------------------------------------------------------------------------


def _bidang(d: RencanaAksiDokumen) -> list[Bagian]:
    return [_bagian_bidang(d, b) for b in d.bidang]


def _bagian_bidang(d: RencanaAksiDokumen, b: BagianBidang) -> Bagian:
    nama = b.nama or _("Sub kegiatan tanpa bidang")
    blok: list = [Judul(_("RENCANA AKSI PENCAPAIAN KINERJA TAHUN %(tahun)s") % {"tahun": d.tahun}, 2),
                  Paragraf(f"{nama}\n{_pd(d)}".upper(), rata="tengah")]
    if b.indikator:
        baris = [_baris_sasaran(r, *(sel_target(t) for t in r.triwulan)) for r in b.indikator]
        blok.append(Tabel(
            kepala=[[kepala(_("NO"), rowspan=2), kepala(_("SASARAN STRATEGIS"), rowspan=2),
                     kepala(_("INDIKATOR KINERJA"), rowspan=2), kepala(_("TARGET"), colspan=4)],
                    [kepala(_("Triw %(tw)s") % {"tw": tw}) for tw in d.triwulan]],
            baris=baris, lebar=[4, 36, 36, 6, 6, 6, 6]))
    blok += [_tabel_aksi(d, t) for t in b.tabel_aksi]
    blok.append(TandaTangan([penandatangan(b.penandatangan)]))
    return Bagian(blok=blok, orientasi="lanskap")


_TERJADWAL = Sel(JADWAL, rata="tengah", isi_latar=JADWAL_LATAR)
_KOSONG = Sel()


@lru_cache(maxsize=4096)  # one per schedule (2^12 at most); a `Sel` is frozen, so rows may share them
def _bulan(jadwal: tuple[bool, ...]) -> tuple[Sel, ...]:
    """The twelve month cells of an aksi row: a tick on a filled cell for a scheduled month."""
    return tuple(_TERJADWAL if on else _KOSONG for on in jadwal)


def _tabel_aksi(d: RencanaAksiDokumen, t: TabelAksi) -> Tabel:
    sub = f"{t.kode} {t.sub_kegiatan}" if t.kode else t.sub_kegiatan
    span = t.rowspan
    shared = [Sel(t.program, rowspan=span), Sel(t.kegiatan, rowspan=span), Sel(sub, rowspan=span),
              sel_target(t.target, rowspan=span), sel_rupiah(t.pagu, rowspan=span)]
    baris = []
    for n, a in enumerate(t.aksi):
        baris.append(Baris([Sel(a.nomor, rata="tengah"), Sel(a.uraian), *_bulan(a.jadwal), Sel(a.keluaran),
                            *(shared if n == 0 else [])]))
    if not t.aksi:
        baris.append(Baris([Sel(), Sel(_("Belum ada aksi.")), *(Sel() for _b in d.bulan), Sel(), *shared]))
    head = [kepala(_("NO"), rowspan=3), kepala(_("AKSI/KEGIATAN"), rowspan=3),
            kepala(_("JADWAL PELAKSANAAN"), colspan=12)]
    head += [kepala(x, rowspan=3) for x in (_("OUTPUT/ KELUARAN"), _("PROGRAM"), _("KEGIATAN"), _("SUB KEGIATAN"),
                                            _("TARGET"), _("PAGU ANGGARAN (Rp)"))]
    return Tabel(
        kepala=[head, [kepala(_("Triw %(tw)s") % {"tw": tw}, colspan=3) for tw in d.triwulan],
                [kepala(b) for b in d.bulan]],
        baris=baris, lebar=[3, 15, *([2] * 12), 11, 11, 11, 13, 6, 9])


# --- BAB III ------------------------------------------------------------------------------------------------------


def _penutup(d: RencanaAksiDokumen) -> Bagian:
    return Bagian(blok=[Judul(_("BAB III PENUTUP"), 1), _paragraf(d.narasi["penutup"]),
                        TandaTangan([penandatangan(d.penandatangan)])])
