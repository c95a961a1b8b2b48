"""What every layout reads the same way: a target or pagu cell, the document's title, a signature block.

- `baca_nilai` / `baca_uang` parse one cell with `renaksi.core.angka` and report what had to be decided (an
  ambiguous separator) or could not be read (kept as text, never dropped).
- `baca_judul` finds the Perangkat Daerah, the Pemda (kabupaten / kota / provinsi) and the year in the title lines.
- `baca_tanda_tangan` reads a signature block: "Samarinda, 2 Januari 2024", the jabatan (one to three lines,
  "Plt." / "Plh." for acting officials), the name with titles, the pangkat "(golongan)" and the NIP with or
  without spaces.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from renaksi.core.angka import Angka, AngkaTidakValid, JenisAngka, format_rupiah, parse_angka
from renaksi.core.bulan import NOMOR_BULAN
from renaksi.core.nip import normalize_nip, validate_nip
from renaksi.impor.dokumen import NilaiSel, PejabatDoc, RencanaAksiDoc, Teks, Uang
from renaksi.impor.grid import Place, Row
from renaksi.impor.teks import bersih, judul_kapital

_MONEY = re.compile(r"^(?:Rp\.?\s*)?(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d{4,}(?:[.,]\d{1,2})?)$", re.I)


# An amount in a decision's message: '1.030.000', '—' when unknown.
rp = partial(format_rupiah, kosong="—")


def looks_like_money(text: str) -> bool:
    """A cell that can only be an amount of rupiah: grouped digits ("1,030,000.00") or 4+ plain digits."""
    return bool(_MONEY.match(bersih(text)))


def baca_nilai(doc: RencanaAksiDoc, text: str, place: Place, satuan: str = "") -> NilaiSel:
    """A target cell. The kind (percentage or not) follows the cell's "%" or the indicator's satuan."""
    text = bersih(text)
    persen = "%" in text or "persen" in satuan.casefold() or "%" in satuan
    jenis = JenisAngka.PERSEN if persen else JenisAngka.UMUM
    try:
        angka = parse_angka(text, jenis)
    except AngkaTidakValid as exc:
        doc.warn("angka.tidak_terbaca", gettext("Target %(exc)s Disimpan sebagai teks saja, tanpa nilai "
                                                "angka.") % {"exc": exc}, place)
        return NilaiSel(Angka(teks=text), place)
    if angka.keputusan:
        doc.decide("angka.pemisah", angka.keputusan, place)
    return NilaiSel(angka, place)


def baca_uang(doc: RencanaAksiDoc, text: str, place: Place) -> Uang | None:
    """A pagu cell: whole rupiah, or None for an empty cell; unreadable text is kept (nilai None) and reported."""
    text = bersih(text)
    if not text or text in ("-", "–", "—"):
        return None
    try:
        angka = parse_angka(text, JenisAngka.UANG)
        if angka.kategori or angka.nilai is None:
            raise AngkaTidakValid(f"'{text}' bukan nilai uang.")
    except AngkaTidakValid as exc:
        doc.warn("pagu.tidak_terbaca", gettext("Pagu %(exc)s Pagu dibiarkan kosong; tulisan aslinya dicatat.")
                                       % {"exc": exc}, place)
        return Uang(None, text, place)
    if angka.keputusan:
        doc.decide("angka.pemisah", angka.keputusan, place)
    return Uang(int(angka.nilai), text, place)


# --- Title ----------------------------------------------------------------------------------------------------

_PD_PEMDA = re.compile(
    r"(?P<pd>\b(?:BADAN|DINAS|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH SAKIT|BAGIAN|KECAMATAN|UPTD?)\b.*?)"
    r"\s+(?P<jenis>KABUPATEN|KOTA|PROVINSI)\s+(?P<nama>[A-Z][A-Z .'-]*?[A-Z])(?=\s+TAHUN\b|\s*$)",
)
_TAHUN = re.compile(r"\bTAHUN\s+(?P<tahun>20\d\d)\b", re.I)


@dataclass
class Judul:
    judul: Teks | None = None
    perangkat_daerah: Teks | None = None
    pemda_jenis: str = ""
    pemda_nama: str = ""
    tahun: int | None = None


def baca_judul(lines: list[tuple[str, Place]]) -> Judul:
    """PD, Pemda and year from the title lines (the paragraphs before the first table), single lines first."""
    found = Judul()
    cleaned = [(bersih(t).upper(), bersih(t), p) for t, p in lines if bersih(t)]
    candidates = [(u, raw, p) for u, raw, p in cleaned]
    candidates += [(a[0] + " " + b[0], a[1] + " " + b[1], a[2]) for a, b in zip(cleaned, cleaned[1:], strict=False)]
    for upper, _raw, place in candidates:
        match = _PD_PEMDA.search(upper)
        if match and found.perangkat_daerah is None:
            pd = re.sub(r"^KANTOR\s+(?=BADAN|DINAS)", "", match["pd"].strip())
            found.perangkat_daerah = Teks(judul_kapital(pd), place)
            found.pemda_jenis = match["jenis"].lower()
            found.pemda_nama = judul_kapital(match["nama"])
    for upper, raw, place in cleaned:
        if "RENCANA AKSI" in upper and (match := _TAHUN.search(upper)):
            found.tahun = int(match["tahun"])
            found.judul = Teks(raw, place)
            break
    if found.tahun is None:
        for upper, raw, place in cleaned:
            if match := _TAHUN.search(upper):
                found.tahun = int(match["tahun"])
                found.judul = found.judul or Teks(raw, place)
                break
    return found


# --- Signature blocks -----------------------------------------------------------------------------------------

_TEMPAT_TANGGAL = re.compile(
    r"^(?P<tempat>[A-Z][A-Za-z .'-]{1,40}),\s*(?P<tanggal>(?:(?P<hari>\d{1,2})\s+)?(?P<bulan>[A-Za-z]+)\s+"
    r"(?P<tahun>\d{4}))$"
)
_NIP = re.compile(r"^NIP\.?\s*[:.]?\s*(?P<nip>[\d .]{10,30})$", re.I)
_PANGKAT = re.compile(r"^(?P<pangkat>[A-Za-z][A-Za-z .,/-]*?)\s*\(\s*(?P<golongan>[IV]{1,3}\s*/\s*[a-eA-E])\s*\)$")
_ACTING = re.compile(r"^(?P<status>Plt|Plh)\s*\.?\s*", re.I)
NOT_A_NAME = {"PENANGGUNG JAWAB", "MENGETAHUI", "MENYETUJUI", "PIHAK PERTAMA", "PIHAK KEDUA", "PENUTUP"}


@dataclass
class TandaTangan:
    tempat: str
    tanggal: dt.date | None
    tanggal_teks: str
    place: Place
    jabatan: Teks | None = None
    pejabat: PejabatDoc | None = None
    last_index: int = 0  # index (in the rows given) of the block's last line


def tempat_tanggal(text: str) -> tuple[str, dt.date | None, str] | None:
    """"Samarinda, 2 Januari 2024" → ("Samarinda", date(2024, 1, 2), "2 Januari 2024"); no day → date None."""
    match = _TEMPAT_TANGGAL.match(bersih(text))
    if not match or match["bulan"].lower() not in NOMOR_BULAN or len(match["bulan"]) < 3:
        return None
    month = NOMOR_BULAN[match["bulan"].lower()]
    tanggal = None
    if match["hari"]:
        try:
            tanggal = dt.date(int(match["tahun"]), month, int(match["hari"]))
        except ValueError:
            tanggal = None
    return match["tempat"].strip(), tanggal, match["tanggal"]


def baca_tanda_tangan(doc: RencanaAksiDoc, rows: list[Row], index: int, place_of) -> TandaTangan | None:
    """Read the signature block whose "place, date" line is `rows[index]`; `place_of(row)` gives a row's Place."""
    parsed = tempat_tanggal(rows[index].cell(0))
    if parsed is None:
        return None
    tempat, tanggal, tanggal_teks = parsed
    block = TandaTangan(tempat, tanggal, tanggal_teks, place_of(rows[index]), last_index=index)
    i = index + 1
    lines: list[tuple[int, str]] = []  # (index, text), blank lines as ""
    while i < len(rows) and i <= index + 14:
        row = rows[i]
        if len([c for c in row.cells if c.strip()]) > 1:
            break  # a table starts
        text = bersih(row.cell(0))
        if text.upper() in NOT_A_NAME or tempat_tanggal(text) or text.upper().startswith("RENCANA AKSI"):
            break
        lines.append((i, text))
        i += 1
    # jabatan: the first group of consecutive lines; the name: the first line after a blank gap.
    groups: list[list[tuple[int, str]]] = []
    for idx, text in lines:
        if not text:
            if groups and groups[-1]:
                groups.append([])
            continue
        if not groups:
            groups.append([])
        groups[-1].append((idx, text))
    groups = [g for g in groups if g]
    if not groups:
        return block
    jabatan_lines = groups[0][:3]
    jabatan_text = " ".join(t for _, t in jabatan_lines)
    block.jabatan = Teks(jabatan_text, place_of(rows[jabatan_lines[0][0]]))
    block.last_index = jabatan_lines[-1][0]
    rest = [line for g in groups[1:] for line in g]
    if not rest:
        return block
    name_idx, name = rest[0]
    pangkat = golongan = ""
    nip_text: Teks | None = None
    consumed = name_idx
    for idx, text in rest[1:4]:
        if m := _PANGKAT.match(text):
            pangkat, golongan = m["pangkat"].strip(" ,"), m["golongan"].replace(" ", "")
            consumed = idx
        elif m := _NIP.match(text):
            nip_text = Teks(m["nip"].strip(), place_of(rows[idx]))
            consumed = idx
            break
        else:
            break
    looks_like_name = "," in name or pangkat or nip_text
    if not looks_like_name or name.upper() in NOT_A_NAME or len(name) > 120:
        doc.warn(
            "pejabat.tanpa_nama",
            gettext("Blok tanda tangan '%(jabatan_text)s' (%(tanggal_teks)s) tidak memuat nama pejabat; "
                    "pejabat tidak dibuat.") % {"jabatan_text": jabatan_text, "tanggal_teks": tanggal_teks},
            block.place,
        )
        return block
    status = "definitif"
    jabatan_clean = jabatan_text
    if m := _ACTING.match(jabatan_text):
        status = m["status"].lower()
        jabatan_clean = jabatan_text[m.end():].strip()
    nip = ""
    if nip_text is not None:
        try:
            validate_nip(nip_text.teks)
            nip = normalize_nip(nip_text.teks)
        except ValidationError as exc:
            doc.warn("pejabat.nip_tidak_sah", gettext("%(galat)s NIP tidak disimpan.")
                                              % {"galat": ' '.join(exc.messages)}, nip_text.place)
    block.pejabat = PejabatDoc(
        nama=Teks(name, place_of(rows[name_idx])), jabatan=Teks(jabatan_clean, block.jabatan.place), nip=nip,
        nip_teks=nip_text, pangkat=pangkat, golongan=golongan, status=status,
    )
    block.last_index = consumed
    return block


def nama_inti(nama: str) -> str:
    """The part of a name without titles, to recognise one official written twice ("SUCIPTO, S.Pd, M.Si.")."""
    text = bersih(nama).split(",")[0]
    text = re.sub(r"^(?:(?:Hj|H|Dr|Drs|Dra|Ir|Prof)\.?\s+)+", "", text, flags=re.I)
    return re.sub(r"[^\w ]", "", text).casefold().strip()
