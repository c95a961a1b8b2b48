"""Table kinds: one module per kind of table a plan document holds (IKU, PK, budget, targets, aksi, matrix …).

A kind is a module with
- `NAMA` (its name in `--jenis TABEL=NAMA` and in the preview) and `LABEL` (Indonesian, for people),
- `score(tabel, judul) -> Skor`: how well the table fits the kind, 0 (not at all) to 100, judged by its header
  words and by what its columns hold (`isi`: a column of money, of Kepmendagri codes, four quarters, twelve
  months); `judul` is the caption above the table ("Tabel 2.3 Perjanjian Kinerja …");
- `read(rakit, tabel, judul, bidang)`: puts the table's rows into the plan through the shared assembly
  (`renaksi.impor.rakit.Rakit`);
- optionally `finish(rakit)`: what can only be said once every table is read.
`renaksi.impor.klasifikasi` asks every kind and keeps the best. A wrong import is found in one small file: the kind
the preview's decision `tabel.jenis` names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renaksi.impor.tabel import PeranKolom


@dataclass
class Skor:
    nilai: int  # 0 = not this kind, 100 = certain
    alasan: str = ""  # why, for the decision (Indonesian)
    kolom: dict[PeranKolom, int] | None = field(default=None)  # columns read by content instead of by header
    oleh_isi: bool = False  # the content, not the header words, decided

    def __bool__(self) -> bool:
        return self.nilai > 0


NOL = Skor(0)
