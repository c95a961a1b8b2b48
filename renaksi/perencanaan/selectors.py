"""Reads for pages and reports: one place where the queries are, each page a constant number of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from renaksi.accounts.models import Peran
from renaksi.core.angka import format_angka
from renaksi.organisasi.models import Bidang, Pejabat

from .models import (
    Aksi,
    AksiBulan,
    Indikator,
    Kegiatan,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)
from .rules import is_kepala_bidang, same_pd


def rencana_aksi_visible_to(user) -> QuerySet[RencanaAksi]:
    """The plans a user may open: his PD's, his Pemda's for admin and evaluator, and published ones."""
    published = Q(status__in=RencanaAksi.PUBLISHED)
    if not user.is_authenticated:
        return RencanaAksi.objects.filter(published)
    if user.peran in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) and user.pemda_id:
        return RencanaAksi.objects.filter(published | Q(perangkat_daerah__pemda_id=user.pemda_id))
    if user.perangkat_daerah_id:
        return RencanaAksi.objects.filter(published | Q(perangkat_daerah_id=user.perangkat_daerah_id))
    return RencanaAksi.objects.filter(published)


def rencana_aksi_list_for_user(*, user) -> list[RencanaAksi]:
    """Plans for the home page, newest year first, with pagu totals and counts (subqueries: one query in all).

    A document may state pagu only down from the kegiatan level (Samarinda's Tabel 2.3): the page then shows the
    sum of kegiatan pagu, and says so.
    """

    def total(model, expr: str, alias: str):
        return Subquery(
            model.objects.filter(rencana_aksi=OuterRef("pk")).values("rencana_aksi")
            .annotate(**{alias: expr}).values(alias)[:1]
        )

    return list(
        rencana_aksi_visible_to(user)
        .select_related("perangkat_daerah__pemda")
        .annotate(
            pagu_program=total(Program, Sum("pagu"), "s"),
            pagu_kegiatan=total(Kegiatan, Sum("pagu"), "s"),
            jumlah_sub_kegiatan=total(SubKegiatan, Count("id"), "c"),
            jumlah_aksi=total(Aksi, Count("id"), "c"),
        )
        .order_by("-tahun", "perangkat_daerah__pemda__nama", "perangkat_daerah__nama", "-versi")
    )


# --- The plan editor: who may change what, and the whole tree in a constant number of queries -----------------


# (month, short name, name, triwulan) — the columns of the schedule.
BULAN = [
    (m, singkat, nama, (m - 1) // 3 + 1)
    for m, (singkat, nama) in enumerate([
        (_("Jan"), _("Januari")), (_("Feb"), _("Februari")), (_("Mar"), _("Maret")), (_("Apr"), _("April")),
        (_("Mei"), _("Mei")), (_("Jun"), _("Juni")), (_("Jul"), _("Juli")), (_("Agu"), _("Agustus")),
        (_("Sep"), _("September")), (_("Okt"), _("Oktober")), (_("Nov"), _("November")),
        (_("Des"), _("Desember")),
    ], start=1)
]


@dataclass(frozen=True)
class EditRights:
    """What a user may change in one plan, decided once per request so that rows need no query each.

    It mirrors `rules.py` (a test keeps them in step): `plan` is `change_rencanaaksi` (perencana of the PD,
    admin pemda) and covers every row; a kepala bidang changes only the targets of the indikator, and the sub
    kegiatan and aksi, whose bidang is his (`bidang_id`) — not the indikator itself. A plan that is not a draft (or returned) gives nobody any right.
    """

    plan: bool = False
    bidang_id: int | None = None

    def row(self, bidang_id: int | None) -> bool:
        return self.plan or (self.bidang_id is not None and bidang_id == self.bidang_id)

    @property
    def any(self) -> bool:
        return self.plan or self.bidang_id is not None


def edit_rights(*, user, rencana_aksi: RencanaAksi) -> EditRights:
    if not rencana_aksi.editable or not user.is_authenticated:
        return EditRights()
    if user.has_perm("perencanaan.change_rencanaaksi", rencana_aksi):
        return EditRights(plan=True)
    if user.bidang_id and is_kepala_bidang(user) and same_pd(user, rencana_aksi):
        return EditRights(bidang_id=user.bidang_id)
    return EditRights()


def target_label(target: Target | None) -> str:
    """A target as people write it: '29,17', 'B (67,34)', '' when empty."""
    if target is None:
        return ""
    number = format_angka(target.nilai, target.desimal) if target.nilai is not None else ""
    if target.kategori:
        return f"{target.kategori} ({number})" if number else target.kategori
    return number


def _sum_or_none(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


@dataclass
class Rollup:
    """A stated pagu next to the sum of the rows under it. The stated pagu is kept as written, never replaced."""

    pagu: int | None
    jumlah: int | None

    @property
    def selisih(self) -> int | None:
        if self.pagu is None or self.jumlah is None:
            return None
        return self.jumlah - self.pagu

    @property
    def cocok(self) -> bool:
        return self.selisih in (None, 0)


@dataclass
class IndikatorNode:
    obj: Indikator
    tahunan: Target | None
    triwulan: list[Target | None]
    bidang: Bidang | None
    can_edit: bool  # the indikator itself: the plan's editors only
    can_edit_target: bool  # its targets: also the kepala bidang of its bidang
    first: bool = False
    last: bool = False

    @property
    def targets(self) -> list[tuple[int | None, Target | None]]:
        """(triwulan, target) for the yearly target and TW I–IV, in column order."""
        return [(None, self.tahunan), *((tw, t) for tw, t in enumerate(self.triwulan, start=1))]

    @property
    def labels(self) -> list[tuple[int | None, str]]:
        return [(tw, target_label(t)) for tw, t in self.targets]


@dataclass
class SasaranNode:
    obj: Sasaran
    depth: int
    indikator: list[IndikatorNode]
    can_edit: bool
    first: bool = False
    last: bool = False


@dataclass
class AksiNode:
    obj: Aksi
    bulan: frozenset[int]
    pejabat: Pejabat | None
    can_edit: bool
    first: bool = False
    last: bool = False

    @property
    def jadwal(self) -> list[tuple[int, bool, str, int]]:
        """(month, scheduled, name, triwulan) for Januari … Desember."""
        return [(m, m in self.bulan, nama, tw) for m, _singkat, nama, tw in BULAN]


@dataclass
class SubKegiatanNode:
    obj: SubKegiatan
    aksi: list[AksiNode]
    bidang: Bidang | None
    indikator: list[Indikator]
    can_edit: bool
    rollup: Rollup = field(default_factory=lambda: Rollup(None, None))  # pagu vs the sum of its aksi' pagu
    first: bool = False
    last: bool = False


@dataclass
class KegiatanNode:
    obj: Kegiatan
    sub_kegiatan: list[SubKegiatanNode]
    indikator: list[Indikator]
    rollup: Rollup
    first: bool = False
    last: bool = False


@dataclass
class ProgramNode:
    obj: Program
    kegiatan: list[KegiatanNode]
    indikator: list[Indikator]
    rollup: Rollup
    first: bool = False
    last: bool = False


@dataclass
class PlanTree:
    plan: RencanaAksi
    rights: EditRights
    sasaran: list[SasaranNode]  # depth-first, children right after their parent
    program: list[ProgramNode]
    bidang: list[Bidang]
    pejabat: list[Pejabat]
    nodes: dict[str, dict[int, object]]
    total_program: int | None
    total_kegiatan: int | None
    total_sub_kegiatan: int | None

    @property
    def total_kegiatan_rollup(self) -> Rollup:
        """All kegiatan against all programs (each program's own roll-up says where they differ)."""
        return Rollup(self.total_program, self.total_kegiatan)

    @property
    def total_sub_kegiatan_rollup(self) -> Rollup:
        return Rollup(self.total_kegiatan, self.total_sub_kegiatan)

    @property
    def jumlah_indikator(self) -> int:
        return len(self.nodes["indikator"])

    @property
    def jumlah_sub_kegiatan(self) -> int:
        return len(self.nodes["subkegiatan"])

    @property
    def jumlah_aksi(self) -> int:
        return len(self.nodes["aksi"])

    @property
    def indikator(self) -> list[IndikatorNode]:
        return [i for s in self.sasaran for i in s.indikator]

    @property
    def bulan(self) -> list[tuple[int, str, str, int]]:
        return BULAN

    def node(self, kind: str, pk: int):
        return self.nodes[kind][pk]


def _mark_ends(nodes: list) -> list:
    for i, node in enumerate(nodes):
        node.first, node.last = i == 0, i == len(nodes) - 1
    return nodes


def plan_tree(*, rencana_aksi_id: int, rights: EditRights | None = None) -> PlanTree:
    """The whole plan for the editor (and any page that shows all of it): each table read once, 14 queries.

    Rows are assembled in Python; every node carries `can_edit` from `rights` (nothing editable without it).
    Roll-up sums are computed next to, never instead of, the stated pagu.
    """
    rights = rights or EditRights()
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda", "penandatangan").get(pk=rencana_aksi_id)
    ra = {"rencana_aksi_id": rencana_aksi_id}
    bidang = list(Bidang.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id))
    bidang_by_id = {b.pk: b for b in bidang}
    pejabat = list(Pejabat.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id))
    pejabat_by_id = {p.pk: p for p in pejabat}

    sasaran = list(Sasaran.objects.filter(**ra).order_by("urutan", "id"))
    indikator = list(Indikator.objects.filter(**ra).order_by("urutan", "id"))
    indikator_by_id = {i.pk: i for i in indikator}
    targets: dict[tuple[int, int | None], Target] = {
        (t.indikator_id, t.triwulan): t
        for t in Target.objects.filter(indikator__rencana_aksi_id=rencana_aksi_id, tahun=plan.tahun)
    }
    programs = list(Program.objects.filter(**ra).order_by("urutan", "id"))
    kegiatan = list(Kegiatan.objects.filter(**ra).order_by("urutan", "id"))
    subs = list(SubKegiatan.objects.filter(**ra).order_by("urutan", "id"))
    aksi = list(Aksi.objects.filter(**ra).order_by("urutan", "id"))
    bulan: dict[int, set[int]] = defaultdict(set)
    for aksi_id, b in AksiBulan.objects.filter(aksi__rencana_aksi_id=rencana_aksi_id).values_list("aksi_id", "bulan"):
        bulan[aksi_id].add(b)

    def links(model, owner: str) -> dict[int, list[Indikator]]:
        through = model.indikator.through
        found: dict[int, list[Indikator]] = defaultdict(list)
        rows = through.objects.filter(**{f"{owner}__rencana_aksi_id": rencana_aksi_id}).order_by("id")
        for owner_id, indikator_id in rows.values_list(f"{owner}_id", "indikator_id"):
            if indikator_id in indikator_by_id:
                found[owner_id].append(indikator_by_id[indikator_id])
        return found

    program_links, kegiatan_links, sub_links = links(Program, "program"), links(Kegiatan, "kegiatan"), links(
        SubKegiatan, "subkegiatan"
    )

    nodes: dict[str, dict[int, object]] = {k: {} for k in
                                           ("sasaran", "indikator", "program", "kegiatan", "subkegiatan", "aksi")}

    # Sasaran → indikator, depth first.
    indikator_of: dict[int, list[IndikatorNode]] = defaultdict(list)
    for ind in indikator:
        node = IndikatorNode(
            obj=ind, tahunan=targets.get((ind.pk, None)),
            triwulan=[targets.get((ind.pk, tw)) for tw in range(1, 5)],
            bidang=bidang_by_id.get(ind.bidang_id), can_edit=rights.plan,
            can_edit_target=rights.row(ind.bidang_id),
        )
        indikator_of[ind.sasaran_id].append(node)
        nodes["indikator"][ind.pk] = node
    sasaran_ids = {s.pk for s in sasaran}
    children: dict[int | None, list[Sasaran]] = defaultdict(list)
    for s in sasaran:
        children[s.parent_id if s.parent_id in sasaran_ids else None].append(s)
    flat: list[SasaranNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        siblings = [SasaranNode(obj=s, depth=depth, indikator=_mark_ends(indikator_of[s.pk]), can_edit=rights.plan)
                    for s in children[parent_id]]
        for node in _mark_ends(siblings):
            flat.append(node)
            nodes["sasaran"][node.obj.pk] = node
            if depth < 10:  # a cycle cannot be stored through the services, but never loop on bad data
                walk(node.obj.pk, depth + 1)

    walk(None, 0)

    # Program → kegiatan → sub kegiatan → aksi.
    aksi_of: dict[int, list[AksiNode]] = defaultdict(list)
    sub_bidang = {s.pk: s.bidang_id for s in subs}
    for a in aksi:
        node = AksiNode(obj=a, bulan=frozenset(bulan[a.pk]), pejabat=pejabat_by_id.get(a.pejabat_id),
                        can_edit=rights.row(sub_bidang.get(a.sub_kegiatan_id)))
        aksi_of[a.sub_kegiatan_id].append(node)
        nodes["aksi"][a.pk] = node
    subs_of: dict[int, list[SubKegiatanNode]] = defaultdict(list)
    for s in subs:
        its_aksi = _mark_ends(aksi_of[s.pk])
        node = SubKegiatanNode(
            obj=s, aksi=its_aksi, bidang=bidang_by_id.get(s.bidang_id), indikator=sub_links[s.pk],
            can_edit=rights.row(s.bidang_id), rollup=Rollup(s.pagu, _sum_or_none(a.obj.pagu for a in its_aksi)),
        )
        subs_of[s.kegiatan_id].append(node)
        nodes["subkegiatan"][s.pk] = node
    kegiatan_of: dict[int, list[KegiatanNode]] = defaultdict(list)
    for k in kegiatan:
        its_subs = _mark_ends(subs_of[k.pk])
        node = KegiatanNode(obj=k, sub_kegiatan=its_subs, indikator=kegiatan_links[k.pk],
                            rollup=Rollup(k.pagu, _sum_or_none(s.obj.pagu for s in its_subs)))
        kegiatan_of[k.program_id].append(node)
        nodes["kegiatan"][k.pk] = node
    program_nodes = []
    for p in programs:
        its_kegiatan = _mark_ends(kegiatan_of[p.pk])
        node = ProgramNode(obj=p, kegiatan=its_kegiatan, indikator=program_links[p.pk],
                           rollup=Rollup(p.pagu, _sum_or_none(k.obj.pagu for k in its_kegiatan)))
        program_nodes.append(node)
        nodes["program"][p.pk] = node

    return PlanTree(
        plan=plan, rights=rights, sasaran=flat, program=_mark_ends(program_nodes), bidang=bidang, pejabat=pejabat,
        nodes=nodes, total_program=_sum_or_none(p.pagu for p in programs),
        total_kegiatan=_sum_or_none(k.pagu for k in kegiatan), total_sub_kegiatan=_sum_or_none(s.pagu for s in subs),
    )
