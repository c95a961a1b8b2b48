"""Who may read and report monitoring data, with `rules` (see docs/peran.md).

- perencana PD: reports everything of his PD's plans (realisasi, anggaran, progres aksi, evaluasi, bukti);
- kepala bidang: reports only the rows of his bidang — indikator of his bidang, sub kegiatan of his bidang and their
  aksi; reads the rest of his PD;
- kepala PD: reads his PD; evaluator and admin pemda: read every PD of their Pemda;
- admin pemda: opens and closes the reporting windows of his Pemda (he does not report for a PD);
- anyone else, anonymous included: nothing (monitoring is not published with the plan).
The object of `monev.view_monev` is a plan or one of its rows; of `monev.report` an `Indikator`, `SubKegiatan` or
`Aksi` (the row a monev value belongs to, see `plan_row`); of `monev.manage_jendela` a `Pemda`.
"""

from __future__ import annotations

import rules

from renaksi.perencanaan.rules import (
    is_admin_pemda,
    is_evaluator,
    is_kepala_bidang,
    is_perencana,
    own_bidang,
    same_pd,
    same_pemda,
)

from .models import (
    BuktiDukung,
    EvaluasiIndikator,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)


def plan_row(obj):
    """The plan row a monev object belongs to (its indikator, sub kegiatan or aksi); plan rows map to themselves."""
    if isinstance(obj, BuktiDukung):
        return obj.realisasi.indikator
    if isinstance(obj, RealisasiIndikator | EvaluasiIndikator | TindakLanjut):
        return obj.indikator
    if isinstance(obj, RealisasiAnggaran):
        return obj.sub_kegiatan
    if isinstance(obj, ProgresAksi):
        return obj.aksi
    return obj


@rules.predicate
def pemda_is_mine(user, pemda) -> bool:
    return bool(user.is_authenticated and pemda is not None and user.pemda_id == pemda.pk)


can_view_monev = (same_pemda & (is_admin_pemda | is_evaluator)) | same_pd
can_report = (is_perencana & same_pd) | (is_kepala_bidang & same_pd & own_bidang)

rules.add_perm("monev.view_monev", can_view_monev)
rules.add_perm("monev.report", can_report)
rules.add_perm("monev.manage_jendela", is_admin_pemda & pemda_is_mine)
