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
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from renaksi.organisasi.models import PerangkatDaerah
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.pemeriksaan.findings import Finding
from renaksi.perencanaan.models import RencanaAksi

from . import blok, builders
from .registry import FORMAT, LAPORAN, Format, Laporan

TRIWULAN = (1, 2, 3, 4)


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
    formatted and named. `kemajuan(persen, pesan)`, if given, hears each step (a background job shows them).
    `perangkat_daerah` is the PD a blank template is filled in for (`rencana_aksi=None`)."""
    entry, fmt = periksa(rencana_aksi=rencana_aksi, laporan=laporan, format=format, triwulan=triwulan,
                         lampiran_temuan=lampiran_temuan)
    if kemajuan is not None:
        kemajuan(5, _("Menyusun isi %(nama)s") % {"nama": entry.nama})
    if entry.formulir is not None:
        return entry.formulir(rencana_aksi=rencana_aksi, perangkat_daerah=perangkat_daerah, format=fmt.kode,
                              lampiran_temuan=lampiran_temuan)
    assert rencana_aksi is not None  # periksa: only the form is made without a plan
    nama = nama_berkas(rencana_aksi=rencana_aksi, laporan=entry, format=fmt, triwulan=triwulan)
    if entry.berkas is not None:
        isi = entry.berkas(rencana_aksi=rencana_aksi, format=fmt.kode).isi
        return blok.Berkas(nama=nama, content_type=fmt.content_type, isi=isi)
    assert entry.dokumen is not None and fmt.render is not None
    dokumen = entry.dokumen(rencana_aksi=rencana_aksi, triwulan=triwulan)
    if lampiran_temuan:
        dokumen = dataclasses.replace(dokumen, bagian=[*dokumen.bagian,
                                                       lampiran_temuan_bagian(builders._temuan_terbuka(rencana_aksi))])
    if kemajuan is not None:
        kemajuan(30, _("Membuat berkas %(format)s") % {"format": fmt.nama})
    return blok.Berkas(nama=nama, content_type=fmt.content_type, isi=fmt.render(dokumen))


def nama_berkas(*, rencana_aksi: RencanaAksi, laporan: Laporan, format: Format, triwulan: int | None = None) -> str:
    """`<laporan>-<pd>-<pemda>-<tahun>[-v<versi>][-tw<n>].<ext>`: the PD's singkatan (else its name) and the Pemda
    as slugs (PDs of two Pemda often share a name), the year and version without separators, e.g.
    `ra-kesbangpol-samarinda-2024.pdf`, `monev-kesbangpol-samarinda-2024-v2-tw3.xlsx`."""
    pd = rencana_aksi.perangkat_daerah
    parts = [laporan.kode, slugify(pd.singkatan) or slugify(pd.nama) or f"pd{pd.pk}", slugify(pd.pemda.nama),
             str(rencana_aksi.tahun)]
    parts = [p for p in parts if p]
    if rencana_aksi.versi > 1:
        parts.append(f"v{rencana_aksi.versi}")
    if triwulan is not None:
        parts.append(f"tw{triwulan}")
    return "-".join(parts) + "." + format.ekstensi


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
