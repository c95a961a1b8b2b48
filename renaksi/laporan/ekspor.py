"""The one way a plan becomes a file: report × format → `blok.Berkas`.

    berkas = ekspor(rencana_aksi=plan, laporan="monev", format="pdf", triwulan=2, lampiran_temuan=True)
    berkas.nama          # "monev-kesbangpol-2024-tw2.pdf"
    berkas.content_type  # "application/pdf"

The download view and `renaksi export` both call `ekspor()`; neither checks the combination itself. A combination
that makes no file (an unknown report, a format the report is not offered in, a missing or impossible triwulan,
open data of a plan that is not approved, a report of no plan) raises `EksporTidakSah` with an Indonesian message
before anything is built. Rights are the caller's: `ekspor()` does not know who asks (see `views.unduh` and
registry `Laporan.izin`). Only the template (`jenis="formulir"`) is made without a plan:

    berkas = ekspor(rencana_aksi=None, laporan="templat", format="xlsx", perangkat_daerah=pd)  # blank, for pd

Documents go through the document cache (decision 0017): once built, a document's `kunci_salinan` (a hash of the
whole `blok.Dokumen`, the plan, the report, the format and the formatters' version) is looked up among the ready
copies (`pekerjaan.services.salinan_ambil`); a copy is handed out as it is, else the formatter makes the file and it
is kept. A change of anything the file shows changes the key, so a copy is never stale; `ekspor_siap()` answers
only from the cache (the download of a large plan, whose file is otherwise made by a job).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from renaksi.organisasi.models import PerangkatDaerah
from renaksi.pekerjaan import services as pekerjaan
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.pemeriksaan.findings import Finding
from renaksi.perencanaan.models import RencanaAksi

from . import blok, builders, nama
from .registry import FORMAT, LAPORAN, Format, Laporan

TRIWULAN = (1, 2, 3, 4)
# Part of every document's cache key: raise it when a formatter's output changes in a way the fingerprint of its
# sources below does not see (fonts on the machine, say); every ready copy is then made again when asked for.
VERSI_FORMAT = 1
# The formatters and everything they read besides the document: their code, the print template and stylesheet,
# the number and date formatting; with the libraries' versions they make `sidik_format()`.
_SUMBER_FORMAT = ("laporan/blok.py", "laporan/grid.py", "laporan/pdf.py", "laporan/xlsx.py", "laporan/docx.py",
                  "laporan/templates/laporan/pdf", "core/angka.py", "core/bulan.py", "core/office.py")
_PUSTAKA_FORMAT = ("weasyprint", "XlsxWriter", "python-docx")


class EksporTidakSah(ValueError):
    """A combination of report, format and options that makes no file; `str()` is the message for people."""


def _pilihan(kode: list[str] | tuple[str, ...]) -> str:
    return ", ".join(kode)


def periksa(*, rencana_aksi: RencanaAksi | None, laporan: str, format: str, triwulan: int | None = None,
            lampiran_temuan: bool = False) -> tuple[Laporan, Format]:
    """The report and format if the combination makes a file, else `EksporTidakSah` naming what is wrong."""
    entry = LAPORAN.get(laporan)
    if entry is None:
        raise EksporTidakSah(_("Laporan '%(laporan)s' tidak dikenal. Pilihan: %(pilihan)s.") % {
            "laporan": laporan, "pilihan": _pilihan(list(LAPORAN))})
    if rencana_aksi is None and entry.jenis != "formulir":
        raise EksporTidakSah(_("%(nama)s dibuat dari sebuah rencana aksi; sebutkan rencana aksinya.") % {
            "nama": entry.nama})
    if format not in entry.format or format not in FORMAT:
        raise EksporTidakSah(_("Format '%(format)s' tidak tersedia untuk %(nama)s. Pilihan: %(pilihan)s.") % {
            "format": format, "nama": entry.nama, "pilihan": _pilihan(entry.format)})
    if entry.triwulan == "tidak" and triwulan is not None:
        raise EksporTidakSah(_("%(nama)s tidak memakai triwulan; hapus pilihan triwulan.") % {"nama": entry.nama})
    if entry.triwulan == "wajib" and triwulan is None:
        raise EksporTidakSah(_("%(nama)s memerlukan triwulan (1, 2, 3 atau 4).") % {"nama": entry.nama})
    if triwulan is not None and triwulan not in TRIWULAN:
        raise EksporTidakSah(_("Triwulan %(triwulan)s tidak ada; pilih 1, 2, 3 atau 4.") % {"triwulan": triwulan})
    if entry.jenis == "berkas" and lampiran_temuan:
        raise EksporTidakSah(_("Lampiran temuan hanya dapat disertakan pada dokumen, tidak pada %(nama)s.") % {
            "nama": entry.nama})
    if rencana_aksi is None and lampiran_temuan:
        raise EksporTidakSah(_("Lampiran temuan hanya ada untuk sebuah rencana aksi, tidak untuk %(nama)s kosong.")
                             % {"nama": entry.nama})
    if entry.hanya_disetujui and rencana_aksi is not None and rencana_aksi.status not in RencanaAksi.PUBLISHED:
        raise EksporTidakSah(_("%(nama)s hanya tersedia untuk rencana aksi yang sudah disetujui; status rencana "
                               "aksi ini: %(status)s.") % {"nama": entry.nama,
                                                           "status": rencana_aksi.get_status_display()})
    return entry, FORMAT[format]


def ekspor(*, rencana_aksi: RencanaAksi | None, laporan: str, format: str, triwulan: int | None = None,
           lampiran_temuan: bool = False, perangkat_daerah: PerangkatDaerah | None = None,
           kemajuan: Callable[[int, str], None] | None = None) -> blok.Berkas:
    """The report as a file: validated, built once, with the checker's open findings appended when asked for,
    taken from the document cache or formatted (and kept there), and named. `kemajuan(persen, pesan)`, if given,
    hears each step (a background job shows them). `perangkat_daerah` is the PD a blank template is filled in for
    (`rencana_aksi=None`)."""
    berkas = _ekspor(rencana_aksi=rencana_aksi, laporan=laporan, format=format, triwulan=triwulan,
                     lampiran_temuan=lampiran_temuan, perangkat_daerah=perangkat_daerah, kemajuan=kemajuan,
                     buat=True)
    assert berkas is not None
    return berkas


def ekspor_siap(*, rencana_aksi: RencanaAksi, laporan: str, format: str, triwulan: int | None = None,
                lampiran_temuan: bool = False) -> blok.Berkas | None:
    """The file `ekspor()` would make if a ready copy of it is in the document cache (building the document and its
    key: no formatter runs), else None. Open data and the template are never kept: None."""
    return _ekspor(rencana_aksi=rencana_aksi, laporan=laporan, format=format, triwulan=triwulan,
                   lampiran_temuan=lampiran_temuan, perangkat_daerah=None, kemajuan=None, buat=False)


def _ekspor(*, rencana_aksi: RencanaAksi | None, laporan: str, format: str, triwulan: int | None,
            lampiran_temuan: bool, perangkat_daerah: PerangkatDaerah | None,
            kemajuan: Callable[[int, str], None] | None, buat: bool) -> blok.Berkas | None:
    entry, fmt = periksa(rencana_aksi=rencana_aksi, laporan=laporan, format=format, triwulan=triwulan,
                         lampiran_temuan=lampiran_temuan)
    if kemajuan is not None:
        kemajuan(5, _("Menyusun isi %(nama)s") % {"nama": entry.nama})
    if entry.formulir is not None:
        if not buat:
            return None
        return entry.formulir(rencana_aksi=rencana_aksi, perangkat_daerah=perangkat_daerah, format=fmt.kode,
                              lampiran_temuan=lampiran_temuan)
    assert rencana_aksi is not None  # periksa: only the form is made without a plan
    nama = nama_berkas(rencana_aksi=rencana_aksi, laporan=entry, format=fmt, triwulan=triwulan)
    if entry.berkas is not None:
        if not buat:
            return None
        isi = entry.berkas(rencana_aksi=rencana_aksi, format=fmt.kode).isi
        return blok.Berkas(nama=nama, content_type=fmt.content_type, isi=isi)
    assert entry.dokumen is not None and fmt.render is not None
    dokumen = entry.dokumen(rencana_aksi=rencana_aksi, triwulan=triwulan)
    if lampiran_temuan:
        dokumen = dataclasses.replace(dokumen, bagian=[*dokumen.bagian,
                                                       lampiran_temuan_bagian(builders._temuan_terbuka(rencana_aksi))])
    kunci = kunci_salinan(rencana_aksi=rencana_aksi, laporan=entry.kode, format=fmt.kode, triwulan=triwulan,
                          dokumen=dokumen)
    salinan = pekerjaan.salinan_ambil(kunci=kunci)
    if salinan is not None:
        return blok.Berkas(nama=nama, content_type=fmt.content_type, isi=salinan)
    if not buat:
        return None
    if kemajuan is not None:
        kemajuan(30, _("Membuat berkas %(format)s") % {"format": fmt.nama})
    isi = fmt.render(dokumen)
    pekerjaan.salinan_simpan(kunci=kunci, ekstensi=fmt.ekstensi, isi=isi)
    return blok.Berkas(nama=nama, content_type=fmt.content_type, isi=isi)


def kunci_salinan(*, rencana_aksi: RencanaAksi, laporan: str, format: str, triwulan: int | None,
                  dokumen: blok.Dokumen) -> str:
    """The document cache's key of a file (64 hex digits): a SHA-256 of the plan's id, the report, the format, the
    triwulan, the language, the formatters' version and fingerprint, and the whole document. The document is
    hashed as its `repr()`: every field of every block, row and cell with its type (`'12'` vs `12` vs
    `Decimal('12')`, dates, the DRAF flag), which is all a formatter reads of it."""
    h = hashlib.sha256()
    h.update(f"{VERSI_FORMAT}|{sidik_format()}|{rencana_aksi.pk}|{laporan}|{format}|{triwulan}|{get_language()}|"
             .encode())
    h.update(repr(dokumen).encode())
    return h.hexdigest()


@functools.cache
def sidik_format() -> str:
    """A fingerprint of the formatters (`_SUMBER_FORMAT`, `_PUSTAKA_FORMAT`), taken once per process: a deployment
    that changes how a file looks changes every key, without anyone remembering to raise VERSI_FORMAT."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for sumber in _SUMBER_FORMAT:
        path = root / sumber
        for berkas in sorted(b for b in path.rglob("*") if b.is_file()) if path.is_dir() else [path]:
            h.update(str(berkas.relative_to(root)).encode() + b"\0" + berkas.read_bytes())
    for pustaka in _PUSTAKA_FORMAT:
        h.update(f"{pustaka}={metadata.version(pustaka)}".encode())
    return h.hexdigest()[:16]


def nama_berkas(*, rencana_aksi: RencanaAksi, laporan: Laporan, format: Format, triwulan: int | None = None) -> str:
    """`<laporan>-<pd>-<pemda>-<tahun>[-v<versi>][-tw<n>].<ext>` (`nama.nama_berkas`, which names the template
    too), e.g. `ra-kesbangpol-samarinda-2024.pdf`, `monev-kesbangpol-samarinda-2024-v2-tw3.xlsx`."""
    return nama.nama_berkas(kode=laporan.kode, ekstensi=format.ekstensi, rencana_aksi=rencana_aksi,
                            triwulan=triwulan)


def lampiran_temuan_bagian(temuan: list[Finding]) -> blok.Bagian:
    """The appendix of open findings: severity, the rule's title (and id, to look it up in docs/pemeriksaan/),
    the message and where it is (the plan row, and the place in the imported document)."""
    judul = {r.id: str(r.title) for r in pemeriksaan.rules()}
    kepala = [[blok.Sel(teks, tebal=True, rata="tengah") for teks in
               (_("NO"), _("TINGKAT"), _("ATURAN"), _("TEMUAN"), _("LETAK"))]]
    baris = []
    for n, f in enumerate(temuan, start=1):
        aturan = f"{judul[f.rule]} ({f.rule})" if f.rule in judul else f.rule
        letak = "; ".join([f.location.label, *f.location.source_lines()])
        baris.append(blok.Baris([blok.Sel(str(n), rata="tengah"), blok.Sel(f.severity.label), blok.Sel(aturan),
                                 blok.Sel(f.message), blok.Sel(letak)]))
    if not baris:
        baris.append(blok.Baris([blok.Sel(_("Tidak ada temuan terbuka."), colspan=5, rata="tengah")]))
    return blok.Bagian(orientasi="lanskap", blok=[
        blok.Judul(_("LAMPIRAN: TEMUAN PEMERIKSAAN YANG MASIH TERBUKA"), tingkat=1),
        blok.Paragraf(ngettext(
            "%(n)d temuan belum ditindaklanjuti atau diberi catatan pada saat dokumen ini dibuat.",
            "%(n)d temuan belum ditindaklanjuti atau diberi catatan pada saat dokumen ini dibuat.",
            len(temuan)) % {"n": len(temuan)}),
        blok.Tabel(kepala=kepala, baris=baris, lebar=[5, 10, 25, 40, 20]),
    ])
