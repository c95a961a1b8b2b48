"""Reads for pages and reports: one place where the queries are, each page a constant number of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from renaksi.accounts.models import Peran
from renaksi.core.angka import format_angka, teks_kategori
from renaksi.core.bulan import nama_bulan, singkat_bulan
from renaksi.organisasi.models import Bidang, Pejabat, Pemda, PerangkatDaerah

from .models import (
    Aksi,
    AksiBulan,
    Indikator,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    Provenance,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)
from .narasi import Konteks, konteks
from .rules import is_kepala_bidang, pd_scope, same_pd


def _drafts_scope(user) -> dict[str, int] | None:
    """Whose plans that are not published `user` may open, as a filter on plans: his Pemda's for an admin pemda or
    evaluator, his PD's for a user of a PD, nobody's (None) otherwise. The one rule of `rencana_aksi_visible_to` and
    `versi_rencana_aksi`."""
    if not user.is_authenticated:
        return None
    if user.peran in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) and user.pemda_id:
        return {"perangkat_daerah__pemda_id": user.pemda_id}
    if user.perangkat_daerah_id:
        return {"perangkat_daerah_id": user.perangkat_daerah_id}
    return None


def rencana_aksi_visible_to(user) -> QuerySet[RencanaAksi]:
    """The plans a user may open: his PD's, his Pemda's for admin and evaluator, and published ones."""
    published = Q(status__in=RencanaAksi.PUBLISHED)
    scope = _drafts_scope(user)
    return RencanaAksi.objects.filter(published if scope is None else published | Q(**scope))


def importable_perangkat_daerah(user) -> QuerySet[PerangkatDaerah]:
    """The PDs a user may import a plan into (see `rules.pd_scope`): the upload form's list, the
    import views, and the blank template filled with the user's own PD."""
    qs = PerangkatDaerah.objects.select_related("pemda").order_by("nama")
    scope = pd_scope(user)
    return qs.none() if scope is None else qs.filter(**scope)


def rencana_aksi_dengan_pd(*, pk: int) -> RencanaAksi | None:
    """The plan `pk` with its perangkat daerah and that PD's Pemda (what `select_related("perangkat_daerah__pemda")`
    gives), None when there is none. One query written by hand (decision 0026): every request of the editor reads
    it, and the ORM took longer to build the joined query than the database to run it."""
    models = (RencanaAksi, PerangkatDaerah, Pemda)
    fields = [list(m._meta.concrete_fields) for m in models]
    columns = ", ".join(f"{alias}.{f.column}" for alias, model_fields in zip("rdp", fields, strict=True)
                        for f in model_fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {RencanaAksi._meta.db_table} r "
                       f"JOIN {PerangkatDaerah._meta.db_table} d ON d.id = r.perangkat_daerah_id "
                       f"JOIN {Pemda._meta.db_table} p ON p.id = d.pemda_id WHERE r.id = %s", [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    values = _converted(row, _converters([f for model_fields in fields for f in model_fields]))
    instances, start = [], 0
    for model, model_fields in zip(models, fields, strict=True):
        instances.append(model.from_db(connection.alias, [f.attname for f in model_fields],
                                       values[start:start + len(model_fields)]))
        start += len(model_fields)
    plan, perangkat_daerah, pemda = instances
    perangkat_daerah.pemda = pemda
    plan.perangkat_daerah = perangkat_daerah
    return plan


def versi_rencana_aksi(*, rencana_aksi: RencanaAksi, user) -> list[RencanaAksi]:
    """The versions of a plan (same PD and year) the user may open (`rencana_aksi_visible_to`), Murni first; one
    query, written by hand (decision 0026): the editor page reads it on every request, and the ORM built the
    visibility filter's query slower than the database ran it."""
    pd_id = rencana_aksi.perangkat_daerah_id
    where = "perangkat_daerah_id = %s AND tahun = %s"
    params: list[int | str] = [pd_id, rencana_aksi.tahun]
    scope = _drafts_scope(user) or {}
    if "perangkat_daerah__pemda_id" in scope:  # the plan's Pemda, asked only here (the editor has it read)
        sees_drafts = scope["perangkat_daerah__pemda_id"] == rencana_aksi.perangkat_daerah.pemda_id
    else:
        sees_drafts = scope.get("perangkat_daerah_id") == pd_id
    if not sees_drafts:
        where += f" AND status IN ({', '.join(['%s'] * len(RencanaAksi.PUBLISHED))})"
        params += [status.value for status in RencanaAksi.PUBLISHED]
    return list(RencanaAksi.objects.raw(f"SELECT * FROM {RencanaAksi._meta.db_table} WHERE {where} "
                                        "ORDER BY versi", params))


HOME_PER_HALAMAN = 25


@dataclass(frozen=True)
class DaftarRencana:
    """One page of the home page's list: the plans (with totals), and per status how many plans match the search
    (the filter chips: counted before the status filter, so every chip says what choosing it would show)."""

    halaman: Page
    jumlah_status: dict[str, int]
    cari: str
    status: str

    @property
    def jumlah(self) -> int:
        return sum(self.jumlah_status.values())


def rencana_aksi_daftar(*, user, cari: str = "", status: str = "", halaman: int | str | None = 1) -> DaftarRencana:
    """Plans for the home page, newest year first, with pagu totals and counts (subqueries), searched by the PD's
    name or singkatan, filtered by status, a page at a time: three queries whatever the number of plans.

    A document may state pagu only down from the kegiatan level (Samarinda's Tabel 2.3): the page then shows the
    sum of kegiatan pagu, and says so.
    """

    def total(model, expr: str, alias: str):
        return Subquery(
            model.objects.filter(rencana_aksi=OuterRef("pk")).values("rencana_aksi")
            .annotate(**{alias: expr}).values(alias)[:1]
        )

    cari = cari.strip()[:100]
    qs = rencana_aksi_visible_to(user)
    if cari:
        qs = qs.filter(Q(perangkat_daerah__nama__icontains=cari) | Q(perangkat_daerah__singkatan__icontains=cari))
    jumlah_status = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    if status not in RencanaAksi.Status.values:
        status = ""
    if status:
        qs = qs.filter(status=status)
    qs = (qs.select_related("perangkat_daerah__pemda")
          .annotate(
              pagu_program=total(Program, Sum("pagu"), "s"),
              pagu_kegiatan=total(Kegiatan, Sum("pagu"), "s"),
              jumlah_sub_kegiatan=total(SubKegiatan, Count("id"), "c"),
              jumlah_aksi=total(Aksi, Count("id"), "c"),
          )
          .order_by("-tahun", "perangkat_daerah__pemda__nama", "perangkat_daerah__nama", "-versi", "id"))
    page = Paginator(qs, HOME_PER_HALAMAN).get_page(halaman)
    return DaftarRencana(halaman=page, jumlah_status=jumlah_status, cari=cari, status=status)


def narasi_konteks(*, rencana_aksi: RencanaAksi) -> Konteks:
    """What the default narrative of the RA document names (narasi.py): PD, Pemda, year, Renstra, sasaran strategis.
    Reads the plan's PD, Pemda and Renstra when they were not loaded with it, and the sasaran strategis."""
    sasaran = Sasaran.objects.filter(rencana_aksi_id=rencana_aksi.pk, level=Sasaran.Level.STRATEGIS)
    return konteks(rencana_aksi, [s.uraian for s in sasaran.order_by("urutan", "id")])


# --- The plan as one structure: every consumer reads it from here ------------------------------------------------


@dataclass(frozen=True, slots=True)
class PerjanjianKinerjaItemData:
    """One line of a PK as stored: the sasaran and indikator it names and the PK's own target."""

    id: int
    urutan: int
    nomor: str
    sasaran_id: int | None
    indikator_id: int | None
    target_nilai: Decimal | None
    target_kategori: str
    target_teks: str
    kunci: Any = None  # uuid.UUID: the line's identity across versions of the plan


@dataclass(frozen=True, slots=True)
class PerjanjianKinerjaData:
    """A Perjanjian Kinerja of the plan with its items (in `urutan` order) and its two parties."""

    id: int
    tahun: int
    jenis: str  # PerjanjianKinerja.Jenis
    pihak_pertama_id: int | None
    pihak_kedua_id: int | None
    pihak_pertama: Pejabat | None  # loaded, whichever PD the official belongs to
    pihak_kedua: Pejabat | None
    pihak_kedua_jabatan: str
    tempat: str
    tanggal: date | None
    items: tuple[PerjanjianKinerjaItemData, ...]


def _sum_or_none(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


@dataclass(frozen=True, slots=True, eq=False)
class PlanData:
    """One plan, whole, as `plan_data()` read it. Read-only: nothing here writes or queries the database.

    Rows are model instances, so a new model field reaches every consumer at once. Their foreign keys are read
    as `*_id` and resolved through the lookups here (following `row.sasaran` would query again).
    Every tuple is in the plan's order, `urutan, id`; `urutan` counts among siblings, so the children of one
    parent (`indikator_of`, `kegiatan_of`, …) are in document order, and walking the tree (`sasaran_roots` →
    `sasaran_children`, `program` → `kegiatan_of` → `sub_kegiatan_of` → `aksi_of`) visits rows in document
    order. Targets are those of the plan's year only.
    """

    plan: RencanaAksi  # as given to plan_data(); its perangkat daerah is read from it
    bidang: tuple[Bidang, ...]  # the PD's bidang (urutan, nama, id), with `kepala` loaded
    pejabat: tuple[Pejabat, ...]  # the PD's officials (nama, id), with `bidang` loaded
    sasaran: tuple[Sasaran, ...]  # every level
    # With `dokumen=True` the next four hold plain rows (`IndikatorDokumen`, …: the fields the documents print).
    indikator: tuple[Indikator, ...]
    program: tuple[Program, ...]
    kegiatan: tuple[Kegiatan, ...]
    sub_kegiatan: tuple[SubKegiatan, ...]
    aksi: tuple[Aksi, ...]  # of a part (`bagian`): plain rows, `AksiBaris`
    perjanjian_kinerja: tuple[PerjanjianKinerjaData, ...]  # in id order
    # Where stored values came from (id order, `content_type` loaded); None unless asked with `provenance=True`.
    provenance: tuple[Provenance, ...] | None
    pejabat_by_id: dict[int, Pejabat]  # the PD's officials and every other one the plan names (aksi, PK, signer)
    targets: dict[int, dict[int | None, Target]]  # indikator id → triwulan (None: yearly) → Target
    bulan: dict[int, frozenset[int]]  # aksi id → scheduled months, 1 = Januari
    links: dict[str, dict[int, tuple[int, ...]]]  # "program" | "kegiatan" | "sub_kegiatan" → owner id → indikator ids
    by_id: dict[str, dict[int, Any]] = field(repr=False)  # kind → id → row (kinds as the tuple names above)
    children: dict[str, dict[int | None, list[Any]]] = field(repr=False)  # kind → parent id → rows

    @property
    def tahun(self) -> int:
        return self.plan.tahun

    # --- lookups by id ---------------------------------------------------------------------------------------

    @property
    def bidang_by_id(self) -> dict[int, Bidang]:
        return self.by_id["bidang"]

    @property
    def sasaran_by_id(self) -> dict[int, Sasaran]:
        return self.by_id["sasaran"]

    @property
    def indikator_by_id(self) -> dict[int, Indikator]:
        return self.by_id["indikator"]

    @property
    def program_by_id(self) -> dict[int, Program]:
        return self.by_id["program"]

    @property
    def kegiatan_by_id(self) -> dict[int, Kegiatan]:
        return self.by_id["kegiatan"]

    @property
    def sub_kegiatan_by_id(self) -> dict[int, SubKegiatan]:
        return self.by_id["sub_kegiatan"]

    @property
    def aksi_by_id(self) -> dict[int, Aksi]:
        return self.by_id["aksi"]

    def pejabat_of(self, pejabat_id: int | None) -> Pejabat | None:
        return self.pejabat_by_id.get(pejabat_id) if pejabat_id else None

    # --- children, in document order -------------------------------------------------------------------------

    def sasaran_roots(self) -> list[Sasaran]:
        """Sasaran without a parent in this plan."""
        return self.children["sasaran"].get(None, [])

    def sasaran_children(self, sasaran_id: int) -> list[Sasaran]:
        return self.children["sasaran"].get(sasaran_id, [])

    def indikator_of(self, sasaran_id: int) -> list[Indikator]:
        return self.children["indikator"].get(sasaran_id, [])

    def kegiatan_of(self, program_id: int) -> list[Kegiatan]:
        return self.children["kegiatan"].get(program_id, [])

    def sub_kegiatan_of(self, kegiatan_id: int) -> list[SubKegiatan]:
        return self.children["sub_kegiatan"].get(kegiatan_id, [])

    def aksi_of(self, sub_kegiatan_id: int) -> list[Aksi]:
        return self.children["aksi"].get(sub_kegiatan_id, [])

    def indikator_by_sasaran_order(self) -> list[Indikator]:
        """Every indikator, grouped by sasaran in the order of `sasaran`."""
        return [i for s in self.sasaran for i in self.indikator_of(s.pk)]

    def kegiatan_by_program_order(self) -> list[Kegiatan]:
        """Every kegiatan, grouped by program in the order of `program`."""
        return [k for p in self.program for k in self.kegiatan_of(p.pk)]

    def sub_kegiatan_by_kegiatan_order(self) -> list[SubKegiatan]:
        """Every sub kegiatan, grouped by kegiatan in the order of `kegiatan_by_program_order()`."""
        return [s for k in self.kegiatan_by_program_order() for s in self.sub_kegiatan_of(k.pk)]

    # --- values ----------------------------------------------------------------------------------------------

    def target(self, indikator_id: int, triwulan: int | None = None) -> Target | None:
        """The target of the plan's year, yearly (`triwulan` None) or of TW 1–4; None when there is none."""
        return self.targets.get(indikator_id, {}).get(triwulan)

    def triwulan_targets(self, indikator_id: int) -> list[Target | None]:
        """The targets of TW I–IV, None where there is none."""
        return [self.target(indikator_id, tw) for tw in (1, 2, 3, 4)]

    def bulan_of(self, aksi_id: int) -> frozenset[int]:
        return self.bulan.get(aksi_id, frozenset())

    def indikator_ids_of(self, level: str, owner_id: int) -> tuple[int, ...]:
        """The indikator ids a "program" / "kegiatan" / "sub_kegiatan" row is linked to, in the order linked."""
        return self.links[level].get(owner_id, ())

    def linked_indikator(self, level: str, owner_id: int) -> list[Indikator]:
        by_id = self.indikator_by_id
        return [by_id[i] for i in self.indikator_ids_of(level, owner_id) if i in by_id]

    # --- totals: the stated pagu of a level summed; None when no row of the level states one -----------------

    @property
    def pagu_program(self) -> int | None:
        return _sum_or_none(p.pagu for p in self.program)

    @property
    def pagu_kegiatan(self) -> int | None:
        return _sum_or_none(k.pagu for k in self.kegiatan)

    @property
    def pagu_sub_kegiatan(self) -> int | None:
        return _sum_or_none(s.pagu for s in self.sub_kegiatan)


def _group(rows: Iterable[Any], attr: str, known: set[int] | None = None) -> dict[int | None, list[Any]]:
    grouped: dict[int | None, list[Any]] = defaultdict(list)
    for row in rows:
        key = getattr(row, attr)
        grouped[key if known is None or key in known else None].append(row)
    return dict(grouped)


def plan_data(*, rencana_aksi: RencanaAksi, provenance: bool = False, bagian: tuple[str, int] | None = None,
              with_aksi: bool = True, with_targets: bool = True, with_links: bool = True,
              dokumen: bool = False) -> PlanData:
    """The whole plan in 11 queries (12 with `provenance`, one fewer without aksi, one fewer without targets),
    whatever its size. See `PlanData`.

    `rencana_aksi` is used as given: load it with `select_related("perangkat_daerah__pemda", …)` when the caller
    reads those. Bidang and officials are those of its perangkat daerah, plus any official the plan names.

    `bagian` reads one part of the plan for the editor's sections: ("sasaran", id) the sasaran (all of them, they
    are few) with the indikator and targets of that one; ("program", id) the programs and indikator (few) with the
    kegiatan, sub kegiatan, aksi, links and months of that one (("kepala_program", id): the same without aksi);
    ("kegiatan", id) the programs with the kegiatan of its program and the sub kegiatan and aksi of that kegiatan;
    ("sub_kegiatan", id) that sub kegiatan with its kegiatan, program and aksi. Rows outside the part are left out (empty), so its sums are those of the part.
    A budget part (not "sasaran") reads only the indikator its program, kegiatan and sub kegiatan are linked to
    (a "kegiatan" part: those of that kegiatan and its sub kegiatan, the rows it shows; `linked_indikator` of its
    program and the other kegiatan is empty);
    a part reads no perjanjian kinerja (empty), nor its query.

    `with_aksi=False` leaves out the aksi and their months (empty) for pages that show neither: in a large plan they
    are most of the rows. `with_targets=False` leaves out the targets (empty) for readers that take them as plain
    values from `target_dokumen`. `with_links=False` leaves out the indikator links of program, kegiatan and sub
    kegiatan and the indikator (empty) for a budget part that shows neither (the monev form's). `dokumen=True` reads the indikator, program, kegiatan and sub kegiatan as plain
    rows (`IndikatorDokumen`, `ProgramDokumen`, `KegiatanDokumen`, `SubKegiatanDokumen`: the fields the documents
    print, same names) instead of model instances, for the document builders (a large plan has hundreds).
    A part reads its aksi as plain rows (`AksiBaris`): an editor or monev section of a kegiatan may hold hundreds;
    its `pejabat_by_id` holds the PD's officials, the signer and those its own aksi name. A part's rows are read by
    hand-written SQL (`_Scope`, decision 0026), the whole plan's through the ORM; `dokumen` is for the whole plan.
    """
    plan = rencana_aksi
    ra = {"rencana_aksi_id": plan.pk}
    order = ("urutan", "id")
    scope = _Scope.of(bagian)
    if scope.jenis is not None and dokumen:
        raise ValueError("dokumen=True reads the whole plan, not a part")

    def read(model: Any, plain: Any) -> tuple:
        if scope.jenis is not None:
            return scope.rows(model, plan.pk)
        qs = model.objects.filter(**ra).order_by(*order)
        return tuple(map(plain._make, qs.values_list(*plain._fields))) if dokumen else tuple(qs)

    sasaran: tuple = ()
    if scope.sasaran_read:
        sasaran = scope.rows(Sasaran, plan.pk) if scope.jenis else tuple(Sasaran.objects.filter(**ra).order_by(*order))
    program = read(Program, ProgramDokumen)
    kegiatan = read(Kegiatan, KegiatanDokumen)
    sub_kegiatan = read(SubKegiatan, SubKegiatanDokumen)
    aksi: tuple = ()
    if with_aksi:
        aksi = scope.aksi(plan.pk) if bagian else tuple(Aksi.objects.filter(**ra).order_by(*order))
    # a part: the officials its aksi name, by the ids already read (no PK, so not their parties either)
    bidang, officials = _bidang_and_officials(plan, None if bagian is None else {a.pejabat_id for a in aksi})
    links, bulan = _links_and_months(plan.pk, links=with_links, months=with_aksi,
                                     part=None if bagian is None else (program, kegiatan, sub_kegiatan, aksi))
    if not with_links:
        indikator: tuple = ()
    elif scope.jenis is None:
        indikator = read(Indikator, IndikatorDokumen)
    elif scope.jenis == "sasaran":
        indikator = scope.rows(Indikator, plan.pk)
    else:  # a budget part shows only the indikator its rows are linked to
        if scope.jenis == "kegiatan":  # its row and sub kegiatan only: a program may be linked to a hundred
            linked = [links["kegiatan"].get(scope.pk, ()), *links["sub_kegiatan"].values()]
        else:
            linked = [ids for owners in links.values() for ids in owners.values()]
        indikator = _rows_by_id(Indikator, plan.pk, {i for ids in linked for i in ids})
    targets: dict[int, dict[int | None, Target]] = defaultdict(dict)
    if with_targets and scope.sasaran_read:
        found = (scope.targets(plan.pk, plan.tahun) if scope.jenis else
                 Target.objects.filter(indikator__rencana_aksi_id=plan.pk, tahun=plan.tahun))
        for t in found:
            targets[t.indikator_id][t.triwulan] = t
    perjanjian_kinerja = () if bagian else _perjanjian_kinerja(plan.pk, {p.pk: p for p in officials})
    rows = {"bidang": bidang, "sasaran": sasaran, "indikator": indikator, "program": program,
            "kegiatan": kegiatan, "sub_kegiatan": sub_kegiatan, "aksi": aksi}
    return PlanData(
        plan=plan, bidang=bidang,
        pejabat=tuple(p for p in officials if p.perangkat_daerah_id == plan.perangkat_daerah_id),
        sasaran=sasaran, indikator=indikator, program=program, kegiatan=kegiatan, sub_kegiatan=sub_kegiatan,
        aksi=aksi, perjanjian_kinerja=perjanjian_kinerja,
        provenance=tuple(Provenance.objects.filter(**ra).select_related("content_type").order_by("id"))
        if provenance else None,
        pejabat_by_id={p.pk: p for p in officials}, targets=dict(targets), bulan=bulan, links=links,
        by_id={kind: {row.pk: row for row in kind_rows} for kind, kind_rows in rows.items()},
        children={
            "sasaran": _group(sasaran, "parent_id", {s.pk for s in sasaran}),
            "indikator": _group(indikator, "sasaran_id"),
            "kegiatan": _group(kegiatan, "program_id"),
            "sub_kegiatan": _group(sub_kegiatan, "kegiatan_id"),
            "aksi": _group(aksi, "sub_kegiatan_id"),
        },
    )


def _bidang_and_officials(plan: RencanaAksi, named: set[int | None] | None) -> tuple[tuple[Bidang, ...],
                                                                                        list[Pejabat]]:
    """The bidang of the plan's PD (with `kepala`) and its officials (with `bidang`), plus those the plan names: the
    signer and, for the whole plan (`named` None), those its aksi and perjanjian kinerja name, else the ids `named`.

    Written by hand (decisions 0020, 0025): two reads of every editor and monev section, whose ORM building cost
    more than the queries; `raw` gives model instances through the same converters. Each relation is set from the
    other read; a bidang or kepala outside them (an official of another PD) is read in one more query."""
    where, params = "perangkat_daerah_id = %s", [plan.perangkat_daerah_id]
    if named is None:
        where += (f" OR id IN (SELECT pejabat_id FROM {_AKSI} WHERE rencana_aksi_id = %s)"
                  f" OR id IN (SELECT pihak_pertama_id FROM {_PK} WHERE rencana_aksi_id = %s)"
                  f" OR id IN (SELECT pihak_kedua_id FROM {_PK} WHERE rencana_aksi_id = %s)")
        params += [plan.pk] * 3
    elif ids := sorted(i for i in named if i):
        where += f" OR id IN ({', '.join(['%s'] * len(ids))})"
        params += ids
    if plan.penandatangan_id:
        where += " OR id = %s"
        params.append(plan.penandatangan_id)
    bidang = bidang_perangkat_daerah(perangkat_daerah_id=plan.perangkat_daerah_id)
    officials = list(Pejabat.objects.raw(f"SELECT * FROM {_PEJABAT} WHERE {where} ORDER BY nama, id", params))
    bidang_by_id = {b.pk: b for b in bidang}
    official_by_id = {p.pk: p for p in officials}
    if missing := {p.bidang_id for p in officials if p.bidang_id} - bidang_by_id.keys():
        bidang_by_id |= Bidang.objects.in_bulk(missing)
    if missing := {b.kepala_id for b in bidang if b.kepala_id} - official_by_id.keys():
        official_by_id |= Pejabat.objects.in_bulk(missing)
    for p in officials:
        p.bidang = bidang_by_id.get(p.bidang_id) if p.bidang_id else None
    for b in bidang:
        b.kepala = official_by_id.get(b.kepala_id) if b.kepala_id else None
    return bidang, officials


def bidang_perangkat_daerah(*, perangkat_daerah_id: int) -> tuple[Bidang, ...]:
    """The bidang of a PD in their order (urutan, nama), one query written by hand (decision 0025): the editor
    page's filter and every `plan_data` read them."""
    return tuple(Bidang.objects.raw(f"SELECT * FROM {_BIDANG} WHERE perangkat_daerah_id = %s "
                                    "ORDER BY urutan, nama, id", [perangkat_daerah_id]))


def jabatan_perangkat_daerah(*, perangkat_daerah_id: int) -> list[tuple[str, str]]:
    """(jabatan, nama) of each official of a PD by name: the editor page's list of positions to choose from."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT jabatan, nama FROM {_PEJABAT} WHERE perangkat_daerah_id = %s ORDER BY nama, id",
                       [perangkat_daerah_id])
        return cursor.fetchall()


_AKSI, _PK, _BIDANG, _PEJABAT = (m._meta.db_table for m in (Aksi, PerjanjianKinerja, Bidang, Pejabat))
_KEGIATAN, _SUB_KEGIATAN, _INDIKATOR, _TARGET = (m._meta.db_table for m in (Kegiatan, SubKegiatan, Indikator, Target))


class IndikatorDokumen(NamedTuple):
    """An indikator as the documents print it (`plan_data(dokumen=True)`): the `Indikator` fields of the same name."""

    pk: int
    sasaran_id: int
    bidang_id: int | None
    nama: str
    formulasi: str
    satuan: str
    penanggung_jawab: str
    is_iku: bool


class ProgramDokumen(NamedTuple):
    """A program as the documents print it (`plan_data(dokumen=True)`)."""

    pk: int
    urutan: int
    kode: str
    nama: str
    pagu: int | None


class KegiatanDokumen(NamedTuple):
    """A kegiatan as the documents print it (`plan_data(dokumen=True)`)."""

    pk: int
    program_id: int
    kode: str
    nama: str
    pagu: int | None


class SubKegiatanDokumen(NamedTuple):
    """A sub kegiatan as the documents print it (`plan_data(dokumen=True)`)."""

    pk: int
    kegiatan_id: int
    bidang_id: int | None
    kode: str
    nama: str
    pagu: int | None
    target_nilai: Decimal | None
    target_satuan: str
    target_teks: str


class AksiBaris(NamedTuple):
    """An aksi of a part of the plan (`plan_data(bagian=…)`), as the editor and monev sections show it: the `Aksi`
    fields of the same name."""

    pk: int
    sub_kegiatan_id: int
    pejabat_id: int | None
    nomor: str
    uraian: str
    keluaran: str
    target_nilai: Decimal | None
    target_satuan: str
    target_teks: str
    pagu: int | None
    penanggung_jawab: str


class AksiDokumen(NamedTuple):
    """An aksi as the printed Rencana Aksi shows it (`aksi_dokumen`)."""

    nomor: str
    uraian: str
    keluaran: str
    penanggung_jawab: str
    pagu: int | None
    bulan: frozenset[int]  # scheduled months, 1 = Januari


def aksi_dokumen(*, rencana_aksi_id: int) -> dict[int, list[AksiDokumen]]:
    """The plan's aksi per sub kegiatan id, each sub kegiatan's in the plan's order, with their months: one query
    (an aksi comes once per scheduled month) and plain rows, not model instances (the RA document of a large plan
    prints a thousand of them)."""
    found: dict[int, list[AksiDokumen]] = defaultdict(list)
    rows = (Aksi.objects.filter(rencana_aksi_id=rencana_aksi_id).order_by("urutan", "id")
            .values_list("pk", "sub_kegiatan_id", "nomor", "uraian", "keluaran", "penanggung_jawab", "pagu",
                         "jadwal__bulan"))
    for (_pk, sub_id, *row), months in groupby(rows, key=lambda r: r[:7]):
        found[sub_id].append(AksiDokumen(*row, frozenset(m[7] for m in months if m[7] is not None)))
    return dict(found)


class TargetDokumen(NamedTuple):
    """A target as a document shows it (`target_dokumen`): the value and how it was written."""

    nilai: Decimal | None
    desimal: int
    kategori: str
    teks: str


def target_dokumen(*, rencana_aksi: RencanaAksi) -> dict[int, dict[int | None, TargetDokumen]]:
    """The targets of the plan's year as plain rows, indikator id → triwulan (None: yearly) → target: one query, no
    model instances (a large plan has a thousand; the documents only print them). `PlanData.targets` holds the same
    targets as `Target` rows for the editor, monev and the checker."""
    found: dict[int, dict[int | None, TargetDokumen]] = defaultdict(dict)
    rows = (Target.objects.filter(indikator__rencana_aksi_id=rencana_aksi.pk, tahun=rencana_aksi.tahun).order_by()
            .values_list("indikator_id", "triwulan", "nilai", "desimal", "kategori", "teks"))
    for indikator_id, triwulan, *value in rows:
        found[indikator_id][triwulan] = TargetDokumen(*value)
    return dict(found)


@dataclass(frozen=True)
class _Scope:
    """Which rows of a plan `plan_data(bagian=…)` reads (`jenis` None: all of them, through the ORM).

    A part's rows are read by hand-written SQL (decisions 0020, 0026): every editor and monev section reads one,
    and the ORM took longer to build and compile these querysets, whose filters depend on the part, than the
    database to run them. `raw` gives model instances through the ORM's converters; the aksi are plain rows
    (`AksiBaris`) through the same converters (`_plain_rows`)."""

    jenis: str | None = None
    pk: int | None = None

    @classmethod
    def of(cls, bagian: tuple[str, int] | None) -> _Scope:
        if bagian is None:
            return cls()
        if bagian[0] not in ("sasaran", "program", "kepala_program", "kegiatan", "sub_kegiatan"):
            raise ValueError(bagian)
        return cls(*bagian)

    @property
    def sasaran_read(self) -> bool:
        """Whether the part has sasaran and targets at all (skip building their querysets when not)."""
        return self.jenis in (None, "sasaran")

    def _where(self, model: Any, rencana_aksi_id: int) -> tuple[str, list[int]] | None:
        """The WHERE clause and its parameters of `model`'s rows in this part; None when it has none."""
        condition = _PART.get((model, self.jenis))
        if condition is None:
            return None
        if not condition:
            return "rencana_aksi_id = %s", [rencana_aksi_id]
        return f"rencana_aksi_id = %s AND {condition}", [rencana_aksi_id, self.pk]

    def rows(self, model: Any, rencana_aksi_id: int) -> tuple:
        """The part's rows of `model` (sasaran, indikator of a sasaran, program, kegiatan, sub kegiatan) as model
        instances in the plan's order."""
        where = self._where(model, rencana_aksi_id)
        if where is None:
            return ()
        return tuple(model.objects.raw(f"SELECT * FROM {model._meta.db_table} WHERE {where[0]} "
                                       "ORDER BY urutan, id", where[1]))

    def aksi(self, rencana_aksi_id: int) -> tuple[AksiBaris, ...]:
        where = self._where(Aksi, rencana_aksi_id)
        return () if where is None else _plain_rows(Aksi, AksiBaris, *where)

    def targets(self, rencana_aksi_id: int, tahun: int) -> Iterable[Target]:
        """The targets of year `tahun` of the indikator of a sasaran part (none for a budget part)."""
        if self.jenis != "sasaran":
            return ()
        return Target.objects.raw(
            f"SELECT t.* FROM {_TARGET} t JOIN {_INDIKATOR} i ON i.id = t.indikator_id WHERE i.rencana_aksi_id = %s "
            "AND i.sasaran_id = %s AND t.tahun = %s ORDER BY i.urutan, i.id, t.tahun, t.triwulan",
            [rencana_aksi_id, self.pk, tahun])


def _rows_by_id(model: Any, rencana_aksi_id: int, ids: set[int]) -> tuple:
    """The rows of `model` of the plan among `ids`, as model instances in the plan's order (no query for none)."""
    if not ids:
        return ()
    return tuple(model.objects.raw(f"SELECT * FROM {model._meta.db_table} WHERE rencana_aksi_id = %s AND id IN "
                                   f"({', '.join(['%s'] * len(ids))}) ORDER BY urutan, id",
                                   [rencana_aksi_id, *sorted(ids)]))


def _plain_rows(model: Any, plain: Any, where: str, params: list[int]) -> tuple:
    """The rows of `model` matching `where` as `plain` named tuples of its fields of the same names ("pk": the
    primary key) in the plan's order, each value through the converters the ORM applies (`values_list`): a
    decimal on SQLite is a `Decimal` of the field's places, as a queryset gives it."""
    table = model._meta.db_table
    fields = [model._meta.pk if name == "pk" else model._meta.get_field(name) for name in plain._fields]
    converters = _converters(fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(f.column for f in fields)} FROM {table} WHERE {where} "
                       "ORDER BY urutan, id", params)
        found_rows = cursor.fetchall()
    if not converters:
        return tuple(map(plain._make, found_rows))
    return tuple(plain._make(_converted(row, converters)) for row in found_rows)


def _converters(fields: list[Any]) -> list[tuple[int, Any, list]]:
    """(position, column, converters) of each of `fields` (a row's columns in that order) that the ORM converts
    from what the database driver gives (a decimal or date on SQLite)."""
    columns = [f.get_col(f.model._meta.db_table) for f in fields]
    return [(i, col, found) for i, col in enumerate(columns)
            if (found := connection.ops.get_db_converters(col) + col.get_db_converters(connection))]


def _converted(row: tuple, converters: list[tuple[int, Any, list]]) -> list:
    values = list(row)
    for i, col, functions in converters:
        for convert in functions:
            values[i] = convert(values[i], col, connection)
    return values


def _links_and_months(rencana_aksi_id: int, links: bool = True, months: bool = True,
                      part: tuple[Iterable[Any], ...] | None = None
                      ) -> tuple[dict[str, dict[int, tuple[int, ...]]], dict[int, frozenset[int]]]:
    """The indikator links of program, kegiatan and sub kegiatan (unless `links` is False) and the months of
    the aksi (unless `months` is False): four small two-column tables, read as one query (a UNION), each in the
    order its rows were written. `part`: the program, kegiatan, sub kegiatan and aksi of a part, already read; only
    their rows are read, by their ids (a few dozen).

    Written by hand (decision 0020): as four querysets the ORM took longer to build and compile the UNION than the
    database to run it, in every editor and monev section."""
    members, params = [], []
    for i, (kind, table, owner, other, owner_table) in enumerate(_LINKS_AND_MONTHS):
        if not (months if kind == "bulan" else links):
            continue
        if part is None:
            members.append(f"SELECT '{kind}', {owner}, {other}, id FROM {table} "
                           f"WHERE {owner} IN (SELECT id FROM {owner_table} WHERE rencana_aksi_id = %s)")
            params.append(rencana_aksi_id)
        elif ids := [row.pk for row in part[i]]:
            members.append(f"SELECT '{kind}', {owner}, {other}, id FROM {table} "
                           f"WHERE {owner} IN ({', '.join(['%s'] * len(ids))})")
            params += ids
    found: dict[str, dict[int, list[int]]] = {kind: defaultdict(list) for kind, *_rest in _LINKS_AND_MONTHS}
    if members:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(members) + " ORDER BY 1, 4", params)
            for kind, owner_id, other_id, _id in cursor.fetchall():
                found[kind][owner_id].append(other_id)
    bulan = {aksi_id: frozenset(b) for aksi_id, b in found.pop("bulan").items()}
    return {kind: {k: tuple(v) for k, v in owners.items()} for kind, owners in found.items()}, bulan


def _columns(model, owner: str, other: str, owner_model) -> tuple[str, str, str, str]:
    return (model._meta.db_table, model._meta.get_field(owner).column, model._meta.get_field(other).column,
            owner_model._meta.db_table)


# (kind, table, owner column, other column, owner's table), in the order of `part`
_LINKS_AND_MONTHS = (
    ("program", *_columns(Program.indikator.through, "program", "indikator", Program)),
    ("kegiatan", *_columns(Kegiatan.indikator.through, "kegiatan", "indikator", Kegiatan)),
    ("sub_kegiatan", *_columns(SubKegiatan.indikator.through, "subkegiatan", "indikator", SubKegiatan)),
    ("bulan", *_columns(AksiBulan, "aksi", "bulan", Aksi)),
)

# (model, part) → the condition on the model's rows of that part (`_Scope`), besides the plan, with `%s` for the
# part's id; "" for all the plan's rows; absent: none of them. A kegiatan's part reads the kegiatan of its program
# (few) and its own sub kegiatan and aksi; a sub kegiatan's its kegiatan and program.
_PART: dict[tuple[Any, str], str] = {
    (Sasaran, "sasaran"): "",
    (Indikator, "sasaran"): "sasaran_id = %s",
    **{(Program, jenis): "" for jenis in ("program", "kepala_program", "kegiatan")},
    (Program, "sub_kegiatan"): f"id IN (SELECT k.program_id FROM {_KEGIATAN} k JOIN {_SUB_KEGIATAN} s "
                               "ON s.kegiatan_id = k.id WHERE s.id = %s)",
    **{(Kegiatan, jenis): "program_id = %s" for jenis in ("program", "kepala_program")},
    (Kegiatan, "kegiatan"): f"program_id IN (SELECT program_id FROM {_KEGIATAN} WHERE id = %s)",
    (Kegiatan, "sub_kegiatan"): f"id IN (SELECT kegiatan_id FROM {_SUB_KEGIATAN} WHERE id = %s)",
    **{(SubKegiatan, jenis): f"kegiatan_id IN (SELECT id FROM {_KEGIATAN} WHERE program_id = %s)"
       for jenis in ("program", "kepala_program")},
    (SubKegiatan, "kegiatan"): "kegiatan_id = %s",
    (SubKegiatan, "sub_kegiatan"): "id = %s",
    (Aksi, "program"): f"sub_kegiatan_id IN (SELECT s.id FROM {_SUB_KEGIATAN} s JOIN {_KEGIATAN} k "
                       "ON k.id = s.kegiatan_id WHERE k.program_id = %s)",
    (Aksi, "kegiatan"): f"sub_kegiatan_id IN (SELECT id FROM {_SUB_KEGIATAN} WHERE kegiatan_id = %s)",
    (Aksi, "sub_kegiatan"): "sub_kegiatan_id = %s",
}


def _perjanjian_kinerja(rencana_aksi_id: int, pejabat: dict[int, Pejabat]) -> tuple[PerjanjianKinerjaData, ...]:
    """Every PK of the plan with its items, one query (a PK without items comes as one row of NULL items)."""
    rows = (PerjanjianKinerja.objects.filter(rencana_aksi_id=rencana_aksi_id)
            .order_by("id", "items__urutan", "items__id")
            .values_list("id", "tahun", "jenis", "pihak_pertama_id", "pihak_kedua_id", "pihak_kedua_jabatan",
                         "tempat", "tanggal", "items__id", "items__urutan", "items__nomor", "items__sasaran_id",
                         "items__indikator_id", "items__target_nilai", "items__target_kategori",
                         "items__target_teks", "items__kunci"))
    heads: dict[int, tuple] = {}
    items: dict[int, list[PerjanjianKinerjaItemData]] = defaultdict(list)
    for row in rows:
        heads.setdefault(row[0], row[:8])
        if row[8] is not None:
            items[row[0]].append(PerjanjianKinerjaItemData(*row[8:]))
    return tuple(
        PerjanjianKinerjaData(
            id=pk_id, tahun=tahun, jenis=jenis, pihak_pertama_id=pertama, pihak_kedua_id=kedua,
            pihak_pertama=pejabat.get(pertama), pihak_kedua=pejabat.get(kedua),
            pihak_kedua_jabatan=jabatan, tempat=tempat, tanggal=tanggal, items=tuple(items[pk_id]),
        )
        for pk_id, tahun, jenis, pertama, kedua, jabatan, tempat, tanggal in heads.values()
    )


def pk_utama(perjanjian_kinerja: Iterable[Any], *, kepala_id: int | None) -> Any | None:
    """The PD's own Perjanjian Kinerja among a plan's (rows or `PerjanjianKinerjaData`): the one the head of the
    PD signs as pihak pertama, else the first one; a revised PK (perubahan) before the original (murni), as it
    replaces it. The RA and PK documents print this one and the perencana's form edits it."""
    pks = sorted(perjanjian_kinerja, key=lambda pk: (pk.jenis != PerjanjianKinerja.Jenis.PERUBAHAN, pk.id))
    chosen = next((pk for pk in pks if kepala_id and pk.pihak_pertama_id == kepala_id), None)
    return chosen or (pks[0] if pks else None)


# --- The plan editor: who may change what, and the whole tree in a constant number of queries -----------------


# (month, short name, name, triwulan) — the columns of the schedule.
BULAN = [(m, _(singkat_bulan(m)), _(nama_bulan(m)), (m - 1) // 3 + 1) for m in range(1, 13)]


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
    return teks_kategori(target.kategori, number)


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

    @property
    def bulan_flags(self) -> list[tuple[int, bool]]:
        """(month, scheduled) for 1 … 12: all a month button of the editor needs (names are in the header)."""
        return [(m, m in self.bulan) for m in range(1, 13)]


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
    jumlah_indikator: int
    jumlah_sub_kegiatan: int
    jumlah_aksi: int
    bidang_filter: int | None = None  # the editor shows the rows of this bidang only

    @property
    def total_kegiatan_rollup(self) -> Rollup:
        """All kegiatan against all programs (each program's own roll-up says where they differ)."""
        return Rollup(self.total_program, self.total_kegiatan)

    @property
    def total_sub_kegiatan_rollup(self) -> Rollup:
        return Rollup(self.total_kegiatan, self.total_sub_kegiatan)

    @property
    def indikator(self) -> list[IndikatorNode]:
        return [i for s in self.sasaran for i in s.indikator]

    def node(self, kind: str, pk: int):
        return self.nodes[kind][pk]


def _mark_ends(nodes: list) -> list:
    for i, node in enumerate(nodes):
        node.first, node.last = i == 0, i == len(nodes) - 1
    return nodes


_NO_TOTALS = {"total_program": None, "total_kegiatan": None, "total_sub_kegiatan": None, "jumlah_indikator": 0,
              "jumlah_sub_kegiatan": 0, "jumlah_aksi": 0}


def plan_totals(*, rencana_aksi_id: int) -> dict[str, int | None]:
    """The plan's stated pagu summed per level (None without rows) and its numbers of indikator, sub kegiatan and
    aksi: one query, written by hand (decision 0020: the ORM took longer to build its six subqueries than the
    database to run them)."""
    with connection.cursor() as cursor:
        cursor.execute(_PLAN_TOTALS_SQL, [rencana_aksi_id] * len(_TOTALS))
        row = cursor.fetchone()
    # PostgreSQL sums a bigint column as numeric (Decimal)
    return {key: None if value is None else int(value) for (key, _m, _e), value in zip(_TOTALS, row, strict=True)}


_TOTALS = (("total_program", Program, "SUM(pagu)"), ("total_kegiatan", Kegiatan, "SUM(pagu)"),
           ("total_sub_kegiatan", SubKegiatan, "SUM(pagu)"), ("jumlah_indikator", Indikator, "COUNT(*)"),
           ("jumlah_sub_kegiatan", SubKegiatan, "COUNT(*)"), ("jumlah_aksi", Aksi, "COUNT(*)"))
_PLAN_TOTALS_SQL = "SELECT " + ", ".join(f"(SELECT {expr} FROM {model._meta.db_table} WHERE rencana_aksi_id = %s)"
                                         for _key, model, expr in _TOTALS)


def plan_tree(*, rencana_aksi: RencanaAksi, rights: EditRights | None = None, bagian: tuple[str, int] | None = None,
              bidang_id: int | None = None, totals: bool = True) -> PlanTree:
    """The plan for the editor: `plan_data()` arranged as nodes, 11 queries whatever its size. `rencana_aksi` is
    used as given (the view has read it already; `plan_data` reads only its ids).

    Every node carries `can_edit` from `rights` (nothing editable without it). Roll-up sums are computed next to,
    never instead of, the stated pagu. `bagian` builds one section only (see `plan_data`): its totals come
    from `plan_totals` (one query more; none when `totals` is False: they are then None and 0). `bidang_id` keeps
    the indikator and sub kegiatan of that bidang (and the rows above them); roll-ups still sum every row.
    """
    rights = rights or EditRights()
    plan = rencana_aksi
    # A program's section is its row and its kegiatan heads (no aksi); a kegiatan's is read with its program.
    data = plan_data(rencana_aksi=plan, bagian=("kepala_program", bagian[1]) if bagian and bagian[0] == "program"
                     else bagian)
    section_program = bagian[1] if bagian and bagian[0] == "program" else None
    if bagian and bagian[0] == "kegiatan":
        section_program = getattr(data.kegiatan_by_id.get(bagian[1]), "program_id", -1)

    def shown(row_bidang_id: int | None) -> bool:
        return bidang_id is None or row_bidang_id == bidang_id
    nodes: dict[str, dict[int, object]] = {k: {} for k in
                                           ("sasaran", "indikator", "program", "kegiatan", "subkegiatan", "aksi")}

    def indikator_nodes(sasaran_id: int) -> list[IndikatorNode]:
        found = []
        for ind in data.indikator_of(sasaran_id):
            if not shown(ind.bidang_id):
                continue
            node = IndikatorNode(
                obj=ind, tahunan=data.target(ind.pk), triwulan=data.triwulan_targets(ind.pk),
                bidang=data.bidang_by_id.get(ind.bidang_id), can_edit=rights.plan,
                can_edit_target=rights.row(ind.bidang_id),
            )
            nodes["indikator"][ind.pk] = node
            found.append(node)
        return _mark_ends(found)

    # Sasaran → indikator, depth first.
    flat: list[SasaranNode] = []

    def walk(siblings: list[Sasaran], depth: int) -> None:
        level = [SasaranNode(obj=s, depth=depth, indikator=indikator_nodes(s.pk), can_edit=rights.plan)
                 for s in siblings]
        for node in _mark_ends(level):
            flat.append(node)
            nodes["sasaran"][node.obj.pk] = node
            if depth < 10:  # a cycle cannot be stored through the services, but never loop on bad data
                walk(data.sasaran_children(node.obj.pk), depth + 1)

    walk(data.sasaran_roots(), 0)

    # Program → kegiatan → sub kegiatan → aksi.
    def aksi_nodes(sub: SubKegiatan) -> list[AksiNode]:
        found = []
        for a in data.aksi_of(sub.pk):
            node = AksiNode(obj=a, bulan=data.bulan_of(a.pk), pejabat=data.pejabat_of(a.pejabat_id),
                            can_edit=rights.row(sub.bidang_id))
            nodes["aksi"][a.pk] = node
            found.append(node)
        return _mark_ends(found)

    def sub_nodes(kegiatan: Kegiatan) -> list[SubKegiatanNode]:
        found = []
        for s in data.sub_kegiatan_of(kegiatan.pk):
            its_aksi = aksi_nodes(s)
            node = SubKegiatanNode(
                obj=s, aksi=its_aksi, bidang=data.bidang_by_id.get(s.bidang_id),
                indikator=data.linked_indikator("sub_kegiatan", s.pk), can_edit=rights.row(s.bidang_id),
                rollup=Rollup(s.pagu, _sum_or_none(a.obj.pagu for a in its_aksi)),
            )
            nodes["subkegiatan"][s.pk] = node
            found.append(node)
        _mark_ends(found)
        return [n for n in found if shown(n.obj.bidang_id)]

    def kegiatan_nodes(program: Program) -> list[KegiatanNode]:
        found = []
        for k in data.kegiatan_of(program.pk):
            its_subs = sub_nodes(k)
            node = KegiatanNode(obj=k, sub_kegiatan=its_subs, indikator=data.linked_indikator("kegiatan", k.pk),
                                rollup=Rollup(k.pagu, _sum_or_none(s.obj.pagu for s in its_subs)))
            nodes["kegiatan"][k.pk] = node
            found.append(node)
        _mark_ends(found)
        return [n for n in found if n.sub_kegiatan or bidang_id is None]

    program_nodes = []
    for p in data.program:
        if section_program is not None and p.pk != section_program:
            program_nodes.append(ProgramNode(obj=p, kegiatan=[], indikator=[], rollup=Rollup(None, None)))
            continue  # a sibling of the section: only its place (first, last) counts
        its_kegiatan = kegiatan_nodes(p)
        node = ProgramNode(obj=p, kegiatan=its_kegiatan, indikator=data.linked_indikator("program", p.pk),
                           rollup=Rollup(p.pagu, _sum_or_none(k.obj.pagu for k in its_kegiatan)))
        program_nodes.append(node)
        nodes["program"][p.pk] = node

    _mark_ends(program_nodes)
    if bagian:  # the section only; the plan's totals from one query
        sasaran_nodes = [n for n in flat if bagian == ("sasaran", n.obj.pk)]
        program_nodes = [n for n in program_nodes if n.obj.pk in nodes["program"] and bagian[0] != "sasaran"]
        sums = plan_totals(rencana_aksi_id=plan.pk) if totals else _NO_TOTALS
    else:
        sasaran_nodes = flat
        sums = {"total_program": data.pagu_program, "total_kegiatan": data.pagu_kegiatan,
                  "total_sub_kegiatan": data.pagu_sub_kegiatan, "jumlah_indikator": len(data.indikator),
                  "jumlah_sub_kegiatan": len(data.sub_kegiatan), "jumlah_aksi": len(data.aksi)}
    if bidang_id is not None:
        program_nodes = [n for n in program_nodes if n.kegiatan]
    return PlanTree(
        plan=plan, rights=rights, sasaran=sasaran_nodes, program=program_nodes, bidang=list(data.bidang),
        pejabat=list(data.pejabat), nodes=nodes, bidang_filter=bidang_id, **sums,
    )


# --- The editor's outline, its sections and its search ----------------------------------------------------------


@dataclass
class OutlineRow:
    """A row of the editor's outline: a sasaran (with its number of indikator) or a program / kegiatan (with its
    numbers of kegiatan, sub kegiatan and aksi)."""

    jenis: str  # "sasaran" | "program" | "kegiatan"
    pk: int
    label: str
    nomor: str = ""
    depth: int = 0
    indikator: int = 0
    kegiatan: int = 0
    sub_kegiatan: int = 0
    aksi: int = 0
    program_id: int | None = None
    children: list[OutlineRow] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.jenis}-{self.pk}"


def _outline_rows(sql: str, rencana_aksi_id: int, bidang_id: int | None, counts: int) -> list[tuple]:
    """Rows of `sql` (a hand-written read of the outline, decision 0020): its `counts` subqueries each take
    `{bidang}` (of one bidang, or of all) before the plan's id."""
    bidang = "" if bidang_id is None else " AND s.bidang_id = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql.format(bidang=bidang), [bidang_id] * counts * (bidang_id is not None) + [rencana_aksi_id])
        return cursor.fetchall()


_OUTLINE_SASARAN_SQL = (
    "SELECT o.id, o.parent_id, o.nomor, o.uraian, "
    "(SELECT COUNT(*) FROM perencanaan_indikator s WHERE s.sasaran_id = o.id{bidang}) "
    "FROM perencanaan_sasaran o WHERE o.rencana_aksi_id = %s ORDER BY o.urutan, o.id")
_OUTLINE_KEGIATAN_SQL = (
    "SELECT o.id, o.program_id, o.kode, o.nama, "
    "(SELECT COUNT(*) FROM perencanaan_subkegiatan s WHERE s.kegiatan_id = o.id{bidang}), "
    "(SELECT COUNT(*) FROM perencanaan_aksi a JOIN perencanaan_subkegiatan s ON s.id = a.sub_kegiatan_id "
    "WHERE s.kegiatan_id = o.id{bidang}) "
    "FROM perencanaan_kegiatan o WHERE o.rencana_aksi_id = %s ORDER BY o.urutan, o.id")
_OUTLINE_PROGRAM_SQL = "SELECT id, kode, nama FROM perencanaan_program WHERE rencana_aksi_id = %s ORDER BY urutan, id"


def plan_outline(*, rencana_aksi_id: int, bidang_id: int | None = None) -> tuple[list[OutlineRow], list[OutlineRow]]:
    """The sasaran (depth first) and the programs with their kegiatan, each with counts: three queries, whatever
    the plan's size (written by hand, decision 0020: the page reads them on every request). With `bidang_id`
    the counts are those of that bidang's rows, and rows without any are left out.
    """
    sasaran = _outline_rows(_OUTLINE_SASARAN_SQL, rencana_aksi_id, bidang_id, 1)
    known = {row[0] for row in sasaran}
    children: dict[int | None, list[tuple]] = defaultdict(list)
    for row in sasaran:
        children[row[1] if row[1] in known else None].append(row)
    flat: list[OutlineRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for pk, _parent, nomor, uraian, n in children.get(parent, []):
            if n or bidang_id is None:
                flat.append(OutlineRow("sasaran", pk, uraian, nomor=nomor, depth=depth, indikator=n))
            if depth < 10:
                walk(pk, depth + 1)

    walk(None, 0)

    by_program: dict[int, list[OutlineRow]] = defaultdict(list)
    for pk, program_id, kode, nama, s, a in _outline_rows(_OUTLINE_KEGIATAN_SQL, rencana_aksi_id, bidang_id, 2):
        if s or bidang_id is None:
            by_program[program_id].append(OutlineRow("kegiatan", pk, nama, nomor=kode, sub_kegiatan=s, aksi=a,
                                                     program_id=program_id))
    programs = []
    for pk, kode, nama in _outline_rows(_OUTLINE_PROGRAM_SQL, rencana_aksi_id, None, 0):
        its = by_program.get(pk, [])
        if its or bidang_id is None:
            programs.append(OutlineRow("program", pk, nama, nomor=kode, kegiatan=len(its),
                                       sub_kegiatan=sum(k.sub_kegiatan for k in its),
                                       aksi=sum(k.aksi for k in its), children=its))
    return flat, programs


@dataclass
class Hasil:
    """A row that matches a search, and the section it lives in."""

    jenis: str  # the row's anchor kind: sasaran, indikator, program, kegiatan, subkegiatan, aksi
    pk: int
    label: str
    bagian: str  # "sasaran-<id>" | "program-<id>" | "kegiatan-<id>"
    program: int | None = None  # a kegiatan section's program, opened first


def plan_search(*, rencana_aksi_id: int, q: str, bidang_id: int | None = None, limit: int = 20) -> list[Hasil]:
    """Rows of one plan whose name contains `q` (case-insensitive), at most `limit` of each kind: six queries."""
    q = q.strip()[:100]
    if len(q) < 2:
        return []
    ra = {"rencana_aksi_id": rencana_aksi_id}
    found: list[Hasil] = []

    def add(jenis: str, qs: QuerySet, text: str, bidang_path: str | None) -> None:
        if bidang_id is not None and bidang_path is not None:
            qs = qs.filter(**{bidang_path: bidang_id})
        _model, _text, owner, prefix, program = _SECTION_OF[jenis]
        rows = (qs.filter(**ra, **{f"{text}__icontains": q}).order_by("urutan", "id")
                .values_list("pk", text, owner, program or owner))
        found.extend(Hasil(jenis, pk, label, f"{prefix}-{own}", prog if program else None)
                     for pk, label, own, prog in rows[:limit])

    add("sasaran", Sasaran.objects.all(), "uraian", None)
    add("indikator", Indikator.objects.all(), "nama", "bidang_id")
    add("program", Program.objects.all(), "nama", None)
    add("kegiatan", Kegiatan.objects.all(), "nama", None)
    add("subkegiatan", SubKegiatan.objects.all(), "nama", "bidang_id")
    add("aksi", Aksi.objects.all(), "uraian", "sub_kegiatan__bidang_id")
    return found


# An editor anchor's kind → (model, its text, the path to its section's id, the section's kind, the path to the
# program whose section holds that one, for kegiatan sections).
_SECTION_OF: dict[str, tuple[Any, str, str, str, str | None]] = {
    "sasaran": (Sasaran, "uraian", "pk", "sasaran", None),
    "indikator": (Indikator, "nama", "sasaran_id", "sasaran", None),
    "program": (Program, "nama", "pk", "program", None),
    "kegiatan": (Kegiatan, "nama", "pk", "kegiatan", "program_id"),
    "subkegiatan": (SubKegiatan, "nama", "kegiatan_id", "kegiatan", "kegiatan__program_id"),
    "aksi": (Aksi, "uraian", "sub_kegiatan__kegiatan_id", "kegiatan", "sub_kegiatan__kegiatan__program_id"),
}


def plan_row_section(*, rencana_aksi_id: int, anchor: str) -> Hasil | None:
    """The section of the row an editor anchor names (`aksi-12`, as the findings panel links): one query; None when
    the row is not in the plan."""
    jenis, _, pk = anchor.partition("-")
    if jenis not in _SECTION_OF or not pk.isdigit() or len(pk) > 12:
        return None
    model, text, owner, prefix, program = _SECTION_OF[jenis]
    row = (model.objects.filter(rencana_aksi_id=rencana_aksi_id, pk=int(pk))
           .values_list(text, owner, program or owner).first())
    return Hasil(jenis, int(pk), row[0], f"{prefix}-{row[1]}", row[2] if program else None) if row else None
