"""Realisasi from CSV, for `renaksi realisasi impor` — read and check every row before anything is written.

Two kinds of rows, by header (a file may hold both, as two sections each under its own header line, or one header
with all the columns):

    indikator_id,triwulan,realisasi
    12,1,"45,5"
    sub_kegiatan_id,triwulan,realisasi_anggaran
    7,1,25000000

The delimiter is `,` or `;` (from the header line). Realisasi is a number with a decimal point or comma (quote it
in a comma-separated file) or a category ("B (67,34)", "WTP"); realisasi anggaran whole rupiah (grouping dots or
commas allowed: `25.000.000`), never negative. An empty value is skipped. A row that cannot be read raises
`BarisTidakValid` naming the file's line; ids are checked against the plan by the command.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from renaksi.core.angka import AngkaTidakValid, JenisAngka, parse_angka, parse_uang

KOLOM_INDIKATOR = ("indikator_id", "realisasi")
KOLOM_ANGGARAN = ("sub_kegiatan_id", "realisasi_anggaran")
KOLOM = {"indikator_id", "sub_kegiatan_id", "triwulan", "realisasi", "realisasi_anggaran"}


class BarisTidakValid(ValueError):
    def __init__(self, baris: int, pesan: str):
        super().__init__(f"baris {baris}: {pesan}")
        self.baris = baris


@dataclass(frozen=True)
class BarisIndikator:
    baris: int
    indikator_id: int
    triwulan: int
    nilai: Decimal | None
    kategori: str = ""


@dataclass(frozen=True)
class BarisAnggaran:
    baris: int
    sub_kegiatan_id: int
    triwulan: int
    jumlah: int


def baca_csv(text: str) -> tuple[list[BarisIndikator | BarisAnggaran], int]:
    """The rows of the file and the number of empty values skipped."""
    lines = text.lstrip("\ufeff").splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header: dict[str, int] | None = None
    rows: list[BarisIndikator | BarisAnggaran] = []
    skipped = 0
    seen: dict[tuple[str, int, int], int] = {}
    for number, cells in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if cells[0].lower() in {"indikator_id", "sub_kegiatan_id", "triwulan"}:
            header = {name.lower(): i for i, name in enumerate(cells)}
            unknown = set(header) - KOLOM
            if unknown or "triwulan" not in header or not (
                    all(k in header for k in KOLOM_INDIKATOR) or all(k in header for k in KOLOM_ANGGARAN)):
                raise BarisTidakValid(number, "kepala kolom harus 'indikator_id,triwulan,realisasi' dan/atau "
                                              "'sub_kegiatan_id,triwulan,realisasi_anggaran'.")
            continue
        if header is None:
            raise BarisTidakValid(number, "baris kepala kolom (indikator_id,triwulan,realisasi atau "
                                          "sub_kegiatan_id,triwulan,realisasi_anggaran) tidak ditemukan.")
        row = {name: cells[i] if i < len(cells) else "" for name, i in header.items()}
        kinds = [k for k in (KOLOM_INDIKATOR, KOLOM_ANGGARAN) if row.get(k[0])]
        if not kinds:
            raise BarisTidakValid(number, "indikator_id atau sub_kegiatan_id kosong.")
        triwulan = _bulat(row.get("triwulan", ""), number, "triwulan")
        if not 1 <= triwulan <= 4:
            raise BarisTidakValid(number, f"triwulan harus 1–4, bukan {triwulan}.")
        for id_column, value_column in kinds:
            object_id = _bulat(row[id_column], number, id_column)
            key = (id_column, object_id, triwulan)
            if key in seen:
                raise BarisTidakValid(number, f"{id_column} {object_id} TW {triwulan} sudah diisi pada baris "
                                              f"{seen[key]}.")
            seen[key] = number
            value = row.get(value_column, "")
            if value in {"", "-"}:
                skipped += 1
                continue
            if id_column == "indikator_id":
                nilai, kategori = _realisasi(value, number)
                rows.append(BarisIndikator(number, object_id, triwulan, nilai, kategori))
            else:
                rows.append(BarisAnggaran(number, object_id, triwulan, _rupiah(value, number)))
    if header is None:
        raise BarisTidakValid(1, "berkas kosong atau tanpa kepala kolom.")
    return rows, skipped


def _bulat(text: str, baris: int, kolom: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise BarisTidakValid(baris, f"{kolom} '{text}' bukan bilangan bulat.") from None


def _realisasi(text: str, baris: int) -> tuple[Decimal | None, str]:
    try:
        angka = parse_angka(text, JenisAngka.UMUM, strict=True)
    except AngkaTidakValid as exc:
        raise BarisTidakValid(baris, f"realisasi {exc}") from None
    if angka.satuan or angka.keterangan:
        raise BarisTidakValid(baris, f"realisasi '{text}' bukan angka.")
    return angka.nilai, angka.kategori


def _rupiah(text: str, baris: int) -> int:
    if text.lstrip().startswith(("-", "−")):
        raise BarisTidakValid(baris, f"realisasi anggaran '{text}' tidak boleh negatif.")
    try:
        jumlah = parse_uang(text, strict=True)
    except AngkaTidakValid:
        raise BarisTidakValid(baris, f"realisasi anggaran '{text}' bukan rupiah bulat.") from None
    assert jumlah is not None
    return jumlah
