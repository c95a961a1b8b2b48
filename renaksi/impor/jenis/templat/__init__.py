"""The Renaksi template's tables (`renaksi.perencanaan.templat.SHEETS`), one module per table: `identitas`, `sasaran`
(Sasaran & Indikator), `anggaran`, `aksi`, `pejabat`, `pk`; `sel` reads one cell by its column title.

The template says everything explicitly, so nothing is inferred: rows refer to each other by short refs ("S1",
"I3", "SK2"), an official by NIP or name. `renaksi.impor.layouts.template` finds the tables by their header rows and
reads them in this order: pejabat (referred to by every other table), sasaran, anggaran, aksi, pk, identitas.
"""
