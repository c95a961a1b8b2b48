"""Who may move a plan or a triwulan report through the workflow (docs/peran.md, docs/alur.md).

- the perencana of the PD submits (ajukan);
- the kepala PD of the PD approves (setujui) or returns it with a reason (kembalikan);
- the admin pemda of its Pemda locks an approved one (kunci) and reopens it with a reason (buka).
The object is a `RencanaAksi` or a `monev.LaporanTriwulan` (its `rencana_aksi` answers `same_pd`/`same_pemda`).
Whether the object's state allows the step is the services' business (`services.LANGKAH`).
"""

from __future__ import annotations

import rules

from renaksi.perencanaan.rules import is_admin_pemda, is_kepala_pd, is_perencana, same_pd, same_pemda

can_ajukan = is_perencana & same_pd
can_putuskan = is_kepala_pd & same_pd  # setujui or kembalikan
can_kunci = is_admin_pemda & same_pemda  # kunci or buka

rules.add_perm("alur.ajukan", can_ajukan)
rules.add_perm("alur.kembalikan", can_putuskan)
rules.add_perm("alur.setujui", can_putuskan)
rules.add_perm("alur.kunci", can_kunci)
rules.add_perm("alur.buka", can_kunci)
