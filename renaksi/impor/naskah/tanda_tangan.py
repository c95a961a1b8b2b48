"""Signature blocks. `baca_tanda_tangan` reads one: "Samarinda, 2 Januari 2024", the jabatan (one to three lines,
"Plt." / "Plh." for acting officials), the name with titles, the pangkat "(golongan)" and the NIP with or without
spaces. `terapkan` puts it into the plan: the document's place and date; the
signer as pejabat (the same person twice is one pejabat, `pejabat.sama`); on a bidang's page the head of the
bidang, who becomes the penanggung jawab of the page's aksi (`aksi.penanggung_jawab`); elsewhere the head of the PD
who signs the document."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from renaksi.core.bulan import NOMOR_BULAN
from renaksi.core.nip import normalize_nip, validate_nip
from renaksi.impor.dokumen import PejabatDoc, RencanaAksiDoc, Teks
from renaksi.impor.grid import Place, Row
from renaksi.impor.teks import bersih

_TEMPAT_TANGGAL = re.compile(
    r"^(?P<tempat>[A-Z][A-Za-z .'-]{1,40}),\s*(?P<tanggal>(?:(?P<hari>\d{1,2})\s+)?(?P<bulan>[A-Za-z]+)\s+"
    r"(?P<tahun>\d{4}))$"
)
_NIP = re.compile(r"^NIP\.?\s*[:.]?\s*(?P<nip>[\d .]{10,30})$", re.I)
_PANGKAT = re.compile(r"^(?P<pangkat>[A-Za-z][A-Za-z .,/-]*?)\s*\(\s*(?P<golongan>[IV]{1,3}\s*/\s*[a-eA-E])\s*\)$")
ACTING = re.compile(r"^(?P<status>Plt|Plh)\s*\.?\s*", re.I)
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
    if m := ACTING.match(jabatan_text):
        status = m["status"].lower()
        jabatan_clean = jabatan_text[m.end():].strip()
    nip = nip_sah(doc, nip_text)
    block.pejabat = PejabatDoc(
        nama=Teks(name, place_of(rows[name_idx])), jabatan=Teks(jabatan_clean, block.jabatan.place), nip=nip,
        nip_teks=nip_text, pangkat=pangkat, golongan=golongan, status=status,
    )
    block.last_index = consumed
    return block


def nip_sah(doc: RencanaAksiDoc, nip_text: Teks | None) -> str:
    """The NIP as stored (18 digits), or "" when none is written or it is not valid (a warning says so)."""
    if nip_text is None:
        return ""
    try:
        validate_nip(nip_text.teks)
    except ValidationError as exc:
        doc.warn("pejabat.nip_tidak_sah", gettext("%(galat)s NIP tidak disimpan.")
                                          % {"galat": " ".join(exc.messages)}, nip_text.place)
        return ""
    return normalize_nip(nip_text.teks)


def nama_inti(nama: str) -> str:
    """The part of a name without titles, to recognise one official written twice ("SUCIPTO, S.Pd, M.Si.")."""
    text = bersih(nama).split(",")[0]
    text = re.sub(r"^(?:(?:Hj|H|Dr|Drs|Dra|Ir|Prof)\.?\s+)+", "", text, flags=re.I)
    return re.sub(r"[^\w ]", "", text).casefold().strip()




def jabatan_ttd(pejabat: PejabatDoc) -> str:
    prefix = {"plt": "Plt. ", "plh": "Plh. "}.get(pejabat.status, "")
    return prefix + pejabat.jabatan.teks


def terapkan(rakit, block: TandaTangan, bidang: str) -> None:
    """`rakit`: the `renaksi.impor.rakit.Rakit` of the document."""
    doc = rakit.doc
    if doc.tempat == "" and block.tempat:
        doc.tempat, doc.tanggal = block.tempat, block.tanggal
    pejabat: PejabatDoc | None = block.pejabat
    if pejabat is None:
        return
    same = next((p for p in doc.pejabat
                 if (p.nip and p.nip == pejabat.nip) or nama_inti(p.nama.teks) == nama_inti(pejabat.nama.teks)),
                None)
    if same is not None:
        if same.nama.teks != pejabat.nama.teks:
            doc.decide(
                "pejabat.sama",
                gettext(
                    "'%(nama_teks)s' dianggap orang yang sama dengan '%(nama_lain)s' (nama tanpa gelar "
                    "sama%(teks)s)."
                )
                % {
                    "nama_teks": pejabat.nama.teks,
                    "nama_lain": same.nama.teks,
                    "teks": (gettext(", NIP sama") if same.nip and same.nip == pejabat.nip else ""),
                },
                pejabat.nama.place,
            )
        same.nip = same.nip or pejabat.nip
        same.pangkat, same.golongan = same.pangkat or pejabat.pangkat, same.golongan or pejabat.golongan
        pejabat = same
    else:
        doc.pejabat.append(pejabat)
    if bidang:
        pejabat.bidang = pejabat.bidang or bidang
        pejabat.kepala_bidang = True
        doc_bidang = doc.bidang_named(bidang)
        if doc_bidang is not None and doc_bidang.kepala is None:
            doc_bidang.kepala = pejabat
        for aksi in rakit.bidang_aksi.get(bidang, []):
            if aksi.penanggung_jawab is None:
                aksi.penanggung_jawab = Teks(jabatan_ttd(pejabat), pejabat.jabatan.place)
                aksi.pejabat = pejabat
        if rakit.bidang_aksi.get(bidang):
            doc.decide(
                "aksi.penanggung_jawab",
                gettext(
                    "Kolom penanggung jawab tidak ada pada tabel aksi %(bidang)s; penanggung jawab "
                    "%(teks)s aksinya diisi dengan penandatangan halaman itu: "
                    "%(jabatan)s (%(nama_teks)s)."
                )
                % {
                    "bidang": bidang,
                    "teks": len(rakit.bidang_aksi[bidang]),
                    "jabatan": jabatan_ttd(pejabat),
                    "nama_teks": pejabat.nama.teks,
                },
                pejabat.jabatan.place,
            )
    elif pejabat.jabatan.teks.casefold().startswith("kepala") or pejabat.status != "definitif":
        pejabat.kepala_pd = True
        doc.penandatangan = doc.penandatangan or pejabat
