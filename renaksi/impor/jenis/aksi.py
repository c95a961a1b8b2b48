"""Aksi with months: AKSI/KEGIATAN, the months Jan–Des, output, and the program / kegiatan / sub kegiatan, target
and pagu they serve (Samarinda's bidang pages: one table per sub kegiatan).

Rows are grouped by sub kegiatan (a new group where names stand with "1" or an amount). The group's sub kegiatan is
found in the budget table by name (`Rakit.find_sub`); the pagu written here is kept as a second source of the sub
kegiatan's pagu, never replacing the budget table's (`pagu.sumber_tunggal`, `pagu.dua_sumber`). A month cell holding
a mark ("x", "✓", a shaded cell "■") is a scheduled month; a longer text there is the output slipped one column
(`output.geser_kolom`)."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import AksiDoc, Teks
from renaksi.impor.grid import Row
from renaksi.impor.layouts.umum import baca_nilai, baca_uang, rp
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import bersih, pisah_kode

from . import NOL, Skor, isi

NAMA = "aksi"
LABEL = "Aksi dan jadwal bulan"
MARKS = {"x", "v", "√", "✓", "✔", "■", "●", "•", "*", "1", "ü", "o"}  # ■ is also a shaded cell (tabel.SHADED)


def score(tabel: Tabel, judul: str = "") -> Skor:
    if tabel.has(PeranKolom.AKSI):
        n = isi.months(tabel)
        return Skor(85, gettext("kolom aksi") + (gettext(" dan %(n)s kolom bulan") % {"n": n} if n else ""))
    return NOL


def read(rakit: Rakit, tabel: Tabel, judul: str = "", bidang: str = "") -> None:
    groups: list[list[Row]] = []
    for row in tabel.rows:
        nomor = tabel.cell(row, PeranKolom.NO).rstrip(".")
        names = any(tabel.cell(row, r) for r in (PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN))
        amount = any(tabel.cell(row, r) for r in (PeranKolom.TARGET, PeranKolom.PAGU))
        if not groups or (names and (nomor == "1" or amount)):
            groups.append([])
        groups[-1].append(row)
    for rows in groups:
        _group(rakit, tabel, rows, bidang)


def _group_text(rakit: Rakit, tabel: Tabel, rows: list[Row], role: PeranKolom) -> Teks | None:
    """A merged cell of the group; text below the first row is the same cell wrapped by the copy."""
    col = tabel.col(role)
    pieces = [(row, tabel.cell(row, role)) for row in rows if tabel.cell(row, role)]
    if col is None or not pieces:
        return None
    first_row = pieces[0][0]
    text = " ".join(t for _r, t in pieces)
    if len(pieces) > 1:
        rakit.doc.decide(
            "sel.sambung",
            gettext("Kolom %(teks)s baris %(teks2)s dibaca sebagai satu sel yang terpotong: '%(text)s'.")
            % {
                "teks": tabel.judul_kolom.get(col, role.value),
                "teks2": ", ".join(str(r.number) for r, _t in pieces),
                "text": text,
            },
            tabel.place(first_row, role=role),
        )
    return Teks(pisah_kode(text)[1], tabel.place(first_row, role=role))  # matched by name: a code left out


def _group(rakit: Rakit, tabel: Tabel, rows: list[Row], bidang: str) -> None:
    doc = rakit.doc
    program_t = _group_text(rakit, tabel, rows, PeranKolom.PROGRAM)
    kegiatan_t = _group_text(rakit, tabel, rows, PeranKolom.KEGIATAN)
    sub_t = _group_text(rakit, tabel, rows, PeranKolom.SUB_KEGIATAN)
    head = rows[0]
    target = None
    if (col := tabel.col(PeranKolom.TARGET)) is not None and bersih(head.cell(col)):
        target = baca_nilai(doc, head.cell(col), tabel.place(head, col))
    pagu = None
    if (col := tabel.col(PeranKolom.PAGU)) is not None:
        pagu = baca_uang(doc, head.cell(col), tabel.place(head, col))
    aksi = [a for row in rows if (a := _row(rakit, tabel, row)) is not None]
    rakit.aksi_count += len(aksi)
    rakit.bidang_aksi.setdefault(bidang, []).extend(aksi)
    if sub_t is None:
        if aksi:
            doc.warn("aksi.tanpa_sub_kegiatan", gettext("%(n_aksi)s aksi tanpa sub kegiatan; tidak "
                                                        "ditempatkan.") % {"n_aksi": len(aksi)},
                     aksi[0].uraian.place)
        return
    sub = rakit.find_sub(program_t, kegiatan_t, sub_t)
    if bidang:
        sub.bidang = sub.bidang or bidang
    if target is not None:
        if sub.target is None:
            sub.target = target
    if pagu is not None:
        if sub.pagu is None:
            sub.pagu = pagu
            doc.decide(
                "pagu.sumber_tunggal",
                gettext(
                    "Pagu sub kegiatan '%(nama_teks)s' hanya "
                    "tertulis di %(tabel_judul)s "
                    "(%(pagu_teks)s); nilai itu disimpan."
                )
                % {"nama_teks": sub.nama.teks, "tabel_judul": tabel.judul, "pagu_teks": pagu.teks},
                pagu.place,
            )
        else:
            sub.pagu_lain.append(pagu)
            if sub.pagu.nilai != pagu.nilai:
                doc.decide(
                    "pagu.dua_sumber",
                    gettext(
                        "Pagu sub kegiatan '%(nama_teks)s' tertulis %(pagu_teks)s di %(teks)s dan "
                        "%(pagu_lain)s di %(tabel_judul)s. Yang disimpan sebagai pagu: "
                        "%(pagu_disimpan)s (tabel anggaran); keduanya dicatat sebagai asal "
                        "nilai dan selisihnya dilaporkan pemeriksa."
                    )
                    % {
                        "nama_teks": sub.nama.teks,
                        "pagu_teks": sub.pagu.teks,
                        "teks": sub.pagu.place.tabel if sub.pagu.place else "tabel anggaran",
                        "pagu_lain": pagu.teks,
                        "tabel_judul": tabel.judul,
                        "pagu_disimpan": rp(sub.pagu.nilai),
                    },
                    pagu.place,
                )
    sub.aksi.extend(aksi)
    indikator = rakit.bidang_indikator.get(bidang)
    if indikator is not None and indikator not in sub.indikator:
        sub.indikator.append(indikator)


def _row(rakit: Rakit, tabel: Tabel, row: Row) -> AksiDoc | None:
    uraian = tabel.cell(row, PeranKolom.AKSI)
    if not uraian:
        return None
    keluaran = tabel.cell(row, PeranKolom.OUTPUT)
    keluaran_place = tabel.place(row, role=PeranKolom.OUTPUT)
    bulan = []
    for month, col in enumerate(tabel.bulan, start=1):
        if col is None:
            continue
        text = bersih(row.cell(col))
        if not text:
            continue
        if text.casefold() in MARKS:
            bulan.append(month)
        elif not keluaran and len(text) > 3:
            keluaran, keluaran_place = text, tabel.place(row, col)
            _note_output_slip(rakit, tabel, row.number)
    return AksiDoc(
        uraian=Teks(uraian, tabel.place(row, role=PeranKolom.AKSI)),
        nomor=tabel.cell(row, PeranKolom.NO),
        keluaran=Teks(keluaran, keluaran_place) if keluaran else None,
        bulan=bulan,
    )


def _note_output_slip(rakit: Rakit, tabel: Tabel, number: int) -> None:
    if rakit.output_slips and rakit.output_slips[-1][0] is tabel:
        rakit.output_slips[-1][1].append(number)
    else:
        rakit.output_slips.append((tabel, [number]))


def finish(rakit: Rakit) -> None:
    doc = rakit.doc
    for tabel, numbers in rakit.output_slips:
        doc.decide(
            "output.geser_kolom",
            gettext("Pada baris %(baris)s teks OUTPUT/KELUARAN tertulis satu kolom ke "
                    "kiri (di kolom bulan, yang selain itu kosong); dibaca sebagai output aksi.")
            % {"baris": ', '.join(map(str, numbers))},
            tabel.place(next(r for r in tabel.rows if r.number == numbers[0])),
        )
    aksi = list(doc.all_aksi())
    if aksi and not any(a.bulan for a in aksi):
        doc.warn(
            "jadwal.kosong",
            gettext("Kolom jadwal bulan (Jan–Des) kosong pada semua %(n_aksi)s aksi: arsiran sel "
                    "tampaknya hilang ketika dokumen disalin. Jadwal tidak diisi; lengkapi dari dokumen "
                    "asli.") % {"n_aksi": len(aksi)},
            aksi[0].uraian.place,
        )
    orphans = rakit.aksi_count - len(aksi)
    if orphans > 0:
        doc.warn("aksi.tidak_ditempatkan", gettext("%(orphans)s aksi tidak dapat ditempatkan di "
                                                   "sub kegiatan mana pun.") % {"orphans": orphans})
