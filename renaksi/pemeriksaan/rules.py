"""Who may acknowledge a finding: whoever may change the plan (perencana of the PD, admin pemda), and a kepala
bidang for a finding located in his bidang (an aksi or sub kegiatan of his bidang, an indicator of his bidang).

The permission's object is a `FindingScope` (the plan and the bidang of the finding's location), so that the
predicates of `renaksi.perencanaan.rules` apply unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules

from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.rules import can_edit_bidang_row


@dataclass(frozen=True)
class FindingScope:
    rencana_aksi: RencanaAksi
    bidang_id: int | None


rules.add_perm("pemeriksaan.acknowledge_finding", can_edit_bidang_row)


def can_acknowledge(user, rencana_aksi: RencanaAksi, finding) -> bool:
    return user.has_perm("pemeriksaan.acknowledge_finding",
                         FindingScope(rencana_aksi, finding.location.bidang_id))
