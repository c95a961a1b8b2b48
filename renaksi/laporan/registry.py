"""Every report a plan can be exported as, and every format: the one list the download menu, the download view,
the `renaksi export` command and docs/laporan.md are built from.

    LAPORAN["monev"].format       # ("pdf", "xlsx", "docx")
    LAPORAN["monev"].triwulan     # "wajib": 1–4 must be given
    FORMAT["xlsx"].content_type   # the media type of the file

A document (`jenis="dokumen"`) is built once as a `blok.Dokumen` by its module's `dokumen(*, rencana_aksi,
triwulan=None)` and formatted by `pdf.render`, `xlsx.render` or `docx.render`. Open data (`jenis="berkas"`) is built
straight as a file by `opendata.berkas(*, rencana_aksi, format)`. `ekspor.ekspor()` validates the combination,
builds, formats and names the file.

Every file is of one plan, but for the form (`jenis="formulir"`): the Renaksi template, to fill in and import again,
is made blank too (no plan; for a PD: its name and bidang filled in) by `templat.formulir(*, rencana_aksi,
perangkat_daerah, format, lampiran_temuan)`, which names its file like every download (`nama.nama_berkas`: `templat-kesbangpol-samarinda-2024.xlsx`,
blank `templat-kesbangpol-samarinda.xlsx` or `templat-renaksi.xlsx`). docs/decisions/0010.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import docx, lkjip, matriks, monev, opendata, pdf, pk, pohon, ra, templat, xlsx
from .blok import Berkas, Dokumen

DOKUMEN_FORMAT = ("pdf", "xlsx", "docx")
OPENDATA_FORMAT = ("json", "csv", "jsonld")


@dataclass(frozen=True)
class Format:
    kode: str  # as in the URL and the CLI: "pdf", "csv"
    nama: str | Promise  # for people: "PDF", "CSV (ZIP)"
    ekstensi: str  # of the file name, without the dot: the CSV bundle is a "zip"
    content_type: str
    render: Callable[[Dokumen], bytes] | None = None  # a document's formatter; None for open data


FORMAT: dict[str, Format] = {f.kode: f for f in (
    Format("pdf", "PDF", "pdf", "application/pdf", pdf.render),
    Format("xlsx", "XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.render),
    Format("docx", "DOCX", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           docx.render),
    Format("json", "JSON", "json", "application/json"),
    Format("csv", _("CSV (ZIP)"), "zip", "application/zip"),
    Format("jsonld", _("DCAT-AP (JSON-LD)"), "jsonld", "application/ld+json"),
)}


@dataclass(frozen=True)
class Laporan:
    kode: str  # as in the URL, the CLI and the file name: "ra", "monev"
    nama: str | Promise  # Indonesian, for people: "Dokumen Rencana Aksi"
    format: tuple[str, ...]  # the keys of FORMAT it is offered in, the first one the usual
    # "wajib": a triwulan 1–4 must be given (monev); "opsional": may be given (LKjIP up to that triwulan);
    # "tidak": the report is of the whole plan and takes none.
    triwulan: Literal["wajib", "opsional", "tidak"] = "tidak"
    hanya_disetujui: bool = False  # only for an approved plan (status in RencanaAksi.PUBLISHED)
    # The permission (on the plan) a user needs besides seeing the plan: monitoring data is never public.
    izin: str = "perencanaan.view_rencanaaksi"
    dokumen: Callable[..., Dokumen] | None = None  # `dokumen(*, rencana_aksi, triwulan=None)` of a document
    berkas: Callable[..., Berkas] | None = None  # `berkas(*, rencana_aksi, format)` of open data
    # `formulir(*, rencana_aksi, perangkat_daerah, format, lampiran_temuan)` of the template, with or without a plan
    formulir: Callable[..., Berkas] | None = None
    keterangan: str | Promise = ""  # one line for the menu and docs/laporan.md

    @property
    def jenis(self) -> Literal["dokumen", "berkas", "formulir"]:
        if self.berkas is not None:
            return "berkas"
        return "formulir" if self.formulir is not None else "dokumen"


LAPORAN: dict[str, Laporan] = {lap.kode: lap for lap in (
    Laporan("ra", _("Dokumen Rencana Aksi"), DOKUMEN_FORMAT, dokumen=ra.dokumen,
            keterangan=_("Sampul, kata pengantar, bab I–III, Tabel 2.1–2.4, satu bagian per bidang.")),
    Laporan("matriks", _("Matriks Rencana Aksi"), DOKUMEN_FORMAT, dokumen=matriks.dokumen,
            keterangan=_("Satu tabel: sasaran, indikator, target TW I–IV, program, kegiatan, sub kegiatan, "
                         "anggaran.")),
    Laporan("pk", _("Perjanjian Kinerja"), DOKUMEN_FORMAT, dokumen=pk.dokumen,
            keterangan=_("Pernyataan kedua pihak dan lampirannya: sasaran, indikator, target, program, anggaran.")),
    Laporan("monev", _("Monev Triwulan"), DOKUMEN_FORMAT, triwulan="wajib", izin="monev.view_monev",
            dokumen=monev.dokumen,
            keterangan=_("Formulir Permendagri 86/2017: target, realisasi, capaian, predikat, faktor, tindak "
                         "lanjut.")),
    # LKjIP shows realisasi and capaian: monitoring data, as closed as the monev form.
    Laporan("lkjip", _("LKjIP Bab III"), DOKUMEN_FORMAT, triwulan="opsional", izin="monev.view_monev",
            dokumen=lkjip.dokumen,
            keterangan=_("Target, realisasi dan capaian per IKU; realisasi anggaran per program.")),
    Laporan("pohon", _("Pohon Kinerja"), DOKUMEN_FORMAT, dokumen=pohon.dokumen,
            keterangan=_("Sasaran strategis → program → kegiatan → sub kegiatan, dengan indikator dan pagu.")),
    Laporan("opendata", _("Data Terbuka"), OPENDATA_FORMAT, hanya_disetujui=True, berkas=opendata.berkas,
            keterangan=_("Seluruh rantai kinerja sebagai JSON, CSV atau metadata DCAT-AP; hanya rencana yang "
                         "sudah disetujui.")),
    Laporan("templat", _("Templat Renaksi"), ("xlsx", "docx"), formulir=templat.formulir,
            keterangan=_("Rencana ini dalam templat Renaksi: diubah lalu diimpor kembali; juga kosong.")),
)}
