"""The same layout in another format gives the same plan: the Bangka matrix saved as CSV (`;`, quoted cells)."""

from __future__ import annotations

import csv
import io

from renaksi.impor import api
from tests.conftest import SEED_BANGKA


def as_csv(text: str, delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    for line in text.split("\n"):
        writer.writerow(line.split("\t"))
    return out.getvalue().encode("utf-8-sig")


def summary(parsed: api.ParsedDocument) -> tuple:
    doc = parsed.dokumen
    targets = [(i.nama.teks, [v.angka.teks for _tw, v in i.targets()]) for i in doc.all_indikator()]
    budget = [(s.nama.teks, s.pagu.nilai if s.pagu else None) for s in doc.all_sub_kegiatan()]
    return doc.counts(), doc.pagu_totals(), targets, budget, [d.kode for d in doc.decisions if d.kode != "csv.pemisah"]


def test_bangka_as_semicolon_csv_reads_the_same():
    text = SEED_BANGKA.read_text(encoding="utf-8")
    tsv = api.parse_document(text.encode(), "bangka.txt")
    semicolon = api.parse_document(as_csv(text, ";"), "bangka.csv")
    assert semicolon.format == "csv" and semicolon.layout == "matriks"
    assert summary(semicolon) == summary(tsv)
    first = semicolon.dokumen.decisions[0]  # the CSV holds both ";" and "," (in "1,030,000.00"): said so
    assert (first.kode, first.place.dokumen) == ("csv.pemisah", "bangka.csv")
