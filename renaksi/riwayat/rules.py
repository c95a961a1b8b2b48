"""Who may read the history and who may write evaluator notes, with `rules` (docs/peran.md, docs/riwayat.md).

- History of a plan and its rows: whoever may view the plan (`perencanaan.view_rencanaaksi`); of monev rows
  (realisasi): whoever may view the monev (`monev.view_monev`) — both already give the admin pemda his whole Pemda.
- Notes are never public: read by the PD's users and by the evaluators and admin pemda of the Pemda (the monev
  readers). Written (a new thread) by an evaluator or the admin pemda of the plan's Pemda. Answered, resolved and
  reopened by the evaluator / admin pemda and by the PD: its perencana and kepala PD on every row, a kepala bidang on
  the rows of his bidang only (he reads the others) — the rows he may change (docs/peran.md).
The object of these permissions is a plan or one of its rows (sasaran, indikator, program, kegiatan, sub kegiatan,
aksi); for `riwayat.add_catatan` without an object: whether the user's role writes notes at all (the editor's
"catatan baru" button on every row, answered without a query).
"""

from __future__ import annotations

import rules

from renaksi.perencanaan.rules import (
    is_admin_pemda,
    is_evaluator,
    is_kepala_bidang,
    is_kepala_pd,
    is_perencana,
    own_bidang,
    same_pd,
    same_pemda,
)


@rules.predicate
def no_object(user, obj) -> bool:
    return obj is None


evaluator_of_pemda = same_pemda & (is_evaluator | is_admin_pemda)
can_view_catatan = evaluator_of_pemda | same_pd
can_add_catatan = (no_object & (is_evaluator | is_admin_pemda)) | evaluator_of_pemda
can_answer_catatan = (evaluator_of_pemda | ((is_perencana | is_kepala_pd) & same_pd)
                      | (is_kepala_bidang & same_pd & own_bidang))

rules.add_perm("riwayat.view_catatan", can_view_catatan)
rules.add_perm("riwayat.add_catatan", can_add_catatan)
rules.add_perm("riwayat.answer_catatan", can_answer_catatan)
