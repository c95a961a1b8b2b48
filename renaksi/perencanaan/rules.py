"""Who may see and change what, with `rules` (object permissions).

- admin pemda: everything of the PDs of his Pemda;
- perencana PD: edits his PD's plans; kepala PD: reads them (approves, later);
- kepala bidang: reads his PD's plans, edits only the aksi, sub kegiatan and indikator targets of his bidang —
  not the indikator itself (name, satuan, formulasi, polaritas, akumulasi, jenis target, IKU), which is the
  perencana's (docs/peran.md);
- evaluator: reads every plan of his Pemda, edits nothing;
- anyone else, anonymous included: only approved (published) plans.
A plan that is submitted, approved or locked is not editable by anyone (see services.ensure_editable).
"""

from __future__ import annotations

import rules

from renaksi.accounts.models import Peran

from .models import Aksi, RencanaAksi, Target


def plan_of(obj) -> RencanaAksi | None:
    if isinstance(obj, RencanaAksi):
        return obj
    if isinstance(obj, Target):
        return obj.indikator.rencana_aksi
    return getattr(obj, "rencana_aksi", None)


def bidang_id_of(obj) -> int | None:
    if isinstance(obj, Aksi):
        return obj.sub_kegiatan.bidang_id
    if isinstance(obj, Target):
        return obj.indikator.bidang_id
    return getattr(obj, "bidang_id", None)


@rules.predicate
def is_published(user, obj) -> bool:
    plan = plan_of(obj)
    return plan is not None and plan.status in RencanaAksi.PUBLISHED


@rules.predicate
def same_pemda(user, obj) -> bool:
    plan = plan_of(obj)
    return bool(plan and user.is_authenticated and user.pemda_id
                and plan.perangkat_daerah.pemda_id == user.pemda_id)


@rules.predicate
def same_pd(user, obj) -> bool:
    plan = plan_of(obj)
    return bool(plan and user.is_authenticated and user.perangkat_daerah_id
                and plan.perangkat_daerah_id == user.perangkat_daerah_id)


def _role(peran: str):
    @rules.predicate(name=f"is_{peran}")
    def has_role(user) -> bool:
        return user.is_authenticated and user.peran == peran

    return has_role


is_admin_pemda = _role(Peran.ADMIN_PEMDA)
is_perencana = _role(Peran.PERENCANA)
is_kepala_bidang = _role(Peran.KEPALA_BIDANG)
is_kepala_pd = _role(Peran.KEPALA_PD)
is_evaluator = _role(Peran.EVALUATOR)


@rules.predicate
def own_bidang(user, obj) -> bool:
    return bool(user.is_authenticated and user.bidang_id and bidang_id_of(obj) == user.bidang_id)


can_view_plan = is_published | (same_pemda & (is_admin_pemda | is_evaluator)) | same_pd
can_edit_plan = (is_admin_pemda & same_pemda) | (is_perencana & same_pd)
can_edit_bidang_row = can_edit_plan | (is_kepala_bidang & same_pd & own_bidang)

rules.add_perm("perencanaan.view_rencanaaksi", can_view_plan)
rules.add_perm("perencanaan.change_rencanaaksi", can_edit_plan)
rules.add_perm("perencanaan.import_rencanaaksi", can_edit_plan)
# Making a perubahan (version n+1 of an approved plan): the plan's editors; the state is the service's to check.
rules.add_perm("perencanaan.perubahan_rencanaaksi", can_edit_plan)
for model in ("sasaran", "indikator", "program", "kegiatan", "perjanjiankinerja"):
    rules.add_perm(f"perencanaan.change_{model}", can_edit_plan)
for model in ("target", "subkegiatan", "aksi"):
    rules.add_perm(f"perencanaan.change_{model}", can_edit_bidang_row)
# Adding an aksi to a sub kegiatan is a change of that sub kegiatan's bidang.
rules.add_perm("perencanaan.add_aksi", can_edit_bidang_row)


def pd_scope(user) -> dict[str, int] | None:
    """The PDs a user may create or import plans for, as a filter on PerangkatDaerah: an admin pemda's whole Pemda,
    a perencana's own PD, every PD for the superuser; None for anyone else. The one answer to "who may import into
    which PD": the upload form's list, the import views, `renaksi import --pengguna`, the menu and the home page's
    button all ask `add_rencanaaksi` (answered without a query, since every page's menu asks)."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return {}
    if user.peran == Peran.ADMIN_PEMDA and user.pemda_id:
        return {"pemda_id": user.pemda_id}
    if user.peran == Peran.PERENCANA and user.perangkat_daerah_id:
        return {"pk": user.perangkat_daerah_id}
    return None


@rules.predicate
def pd_is_mine(user, pd) -> bool:
    """The object is a PerangkatDaerah; without one (`perms.perencanaan.add_rencanaaksi`): for any PD at all."""
    scope = pd_scope(user)
    if scope is None:
        return False
    return pd is None or all(getattr(pd, field) == value for field, value in scope.items())


rules.add_perm("perencanaan.add_rencanaaksi", pd_is_mine)

