"""Reads of the history ("Riwayat perubahan") and of evaluator notes, for pages and report builders.

History: every row of a plan keeps simple-history records. `riwayat_halaman` pages through the records of a plan
(or of one row and its cells: an indikator with its targets and realisasi, an aksi with its schedule, a sub kegiatan
with its realisasi anggaran), newest first, with a constant number of queries per page however large the plan: one
UNION of (date, id, kind) over the history tables, its count, then per kind present on the page its records and
their previous records, and the names of the rows and of the related objects they point to.

Notes: `catatan_utas` (the threads of a plan, or of one row), `catatan_jumlah` (open notes per row, for the
editor's badges) and `catatan_terbuka` (plain rows for the printed monev report).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.utils import timezone

from renaksi.core.bulan import format_tanggal, nama_bulan
from renaksi.core.capaian import ROMAWI
from renaksi.core.kunci import KOSONG, format_nilai
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator
from renaksi.perencanaan.models import (
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

from .models import Catatan

PER_HALAMAN = 50
# Bookkeeping that changes with every save or only points at the row's place: not shown as a change.
# Bookkeeping, not content: `kunci` is the row's identity across versions (never changes), `versi_baris` its lock.
TIDAK_DITAMPILKAN = {"id", "kunci", "rencana_aksi", "diubah", "dibuat", "versi_baris", "urutan", "diisi_oleh",
                     "polaritas_disimpulkan", "akumulasi_disimpulkan", "alasan_inferensi", "desimal"}


@dataclass(frozen=True)
class Jenis:
    key: str
    label: str
    model: type[models.Model]
    parent: str | None  # the field naming the row this one belongs to (target → indikator)
    monev: bool = False  # monitoring data: needs monev.view_monev


JENIS: dict[str, Jenis] = {j.key: j for j in (
    Jenis("rencanaaksi", "Rencana aksi", RencanaAksi, None),
    Jenis("sasaran", "Sasaran", Sasaran, None),
    Jenis("indikator", "Indikator", Indikator, None),
    Jenis("target", "Target", Target, "indikator"),
    Jenis("program", "Program", Program, None),
    Jenis("kegiatan", "Kegiatan", Kegiatan, None),
    Jenis("subkegiatan", "Sub kegiatan", SubKegiatan, None),
    Jenis("aksi", "Aksi", Aksi, None),
    Jenis("jadwal", "Jadwal aksi", AksiBulan, "aksi"),
    Jenis("realisasi", "Realisasi indikator", RealisasiIndikator, "indikator", monev=True),
    Jenis("realisasianggaran", "Realisasi anggaran", RealisasiAnggaran, "sub_kegiatan", monev=True),
)}
PARENT_KIND = {"indikator": "indikator", "aksi": "aksi", "sub_kegiatan": "subkegiatan"}
# A row's own history page also shows these kinds of its cells.
ANAK = {"indikator": ("target", "realisasi"), "aksi": ("jadwal",), "subkegiatan": ("realisasianggaran",)}


def _history(key: str) -> models.QuerySet:
    return JENIS[key].model.history.all()  # type: ignore[attr-defined]


def _plan_filter(key: str, plan_id: int) -> models.QuerySet:
    """The history records of one kind that belong to a plan, deleted rows included."""
    jenis = JENIS[key]
    if key == "rencanaaksi":
        return _history(key).filter(id=plan_id)
    if jenis.parent is None:
        return _history(key).filter(rencana_aksi_id=plan_id)
    parent_ids = _history(PARENT_KIND[jenis.parent]).filter(rencana_aksi_id=plan_id).values("id")
    return _history(key).filter(**{f"{jenis.parent}_id__in": parent_ids})


def sumber_rencana(*, rencana_aksi: RencanaAksi, jenis: list[str]) -> dict[str, models.QuerySet]:
    return {key: _plan_filter(key, rencana_aksi.pk) for key in jenis}


def sumber_baris(*, key: str, pk: int, jenis: list[str]) -> dict[str, models.QuerySet]:
    """The history of one row and of its cells (of the kinds in `jenis`)."""
    sources = {key: _history(key).filter(id=pk)}
    for child in ANAK.get(key, ()):
        if child in jenis:
            sources[child] = _history(child).filter(**{f"{JENIS[child].parent}_id": pk})
    return sources


@dataclass
class Ubahan:
    label: str
    lama: str
    baru: str


@dataclass
class Perubahan:
    jenis: str
    jenis_label: str
    label: str
    tipe: str  # "+" dibuat, "~" diubah, "-" dihapus
    tanggal: datetime
    oleh: str
    sumber: str  # the change reason: "Impor: <file>" for an import
    ubahan: list[Ubahan] = field(default_factory=list)
    objek_id: int | None = None


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields
            if f.name not in TIDAK_DITAMPILKAN and f.name != (JENIS_PARENT.get(model) or "")]


JENIS_PARENT = {j.model: j.parent for j in JENIS.values()}
_SAMPING = {"parent", "sasaran", "program", "kegiatan"}  # the row's place in the tree: shown by name


def _nama_pengguna(user) -> str:
    if user is None:
        return "sistem"
    return user.get_full_name() or user.username


def riwayat_halaman(*, sources: dict[str, models.QuerySet], nomor: int | str | None) -> tuple[Page, list[Perubahan]]:
    """One page (newest first) of the history records of `sources` (kind → history queryset)."""
    parts = [qs.annotate(jenis=Value(key, output_field=models.CharField())).values_list(
        "history_date", "history_id", "jenis").order_by() for key, qs in sources.items()]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    page = Paginator(union.order_by("-history_date", "-history_id"), PER_HALAMAN).get_page(nomor)
    keys: dict[str, list[int]] = defaultdict(list)
    for _date, history_id, key in page.object_list:
        keys[key].append(history_id)

    records: dict[tuple[str, int], models.Model] = {}
    previous: dict[tuple[str, int], models.Model] = {}
    for key, ids in keys.items():
        history = _history(key)
        older = history.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id")).order_by("-history_id")
        rows = list(history.filter(history_id__in=ids).select_related("history_user")
                    .annotate(prev_id=Subquery(older.values("history_id")[:1])))
        prev = {p.history_id: p for p in history.filter(history_id__in=[r.prev_id for r in rows if r.prev_id])}
        for r in rows:
            records[(key, r.history_id)] = r
            if r.prev_id in prev:
                previous[(key, r.history_id)] = prev[r.prev_id]

    names = _related_names(records, previous)
    parents = _parent_names(records)
    result = []
    for _date, history_id, key in page.object_list:
        rec = records[(key, history_id)]
        result.append(_perubahan(key, rec, previous.get((key, history_id)), names, parents))
    return page, result


def _related_names(records: dict, previous: dict) -> dict[tuple[type, int], str]:
    """The names of the objects the records' foreign keys point to: one query per related model on the page."""
    wanted: dict[type[models.Model], set[int]] = defaultdict(set)
    for rec in [*records.values(), *previous.values()]:
        for f in _fields(rec.instance_type):
            if f.is_relation and getattr(rec, f.attname) is not None:
                wanted[f.related_model].add(getattr(rec, f.attname))  # type: ignore[index]
    names = {}
    for model, ids in wanted.items():
        for obj in model._base_manager.filter(pk__in=ids):
            names[(model, obj.pk)] = str(obj)
    return names


def _parent_names(records: dict) -> dict[tuple[str, int], str]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for (key, _id), rec in records.items():
        parent = JENIS[key].parent
        if parent:
            wanted[parent].add(getattr(rec, f"{parent}_id"))
    names = {}
    for parent, ids in wanted.items():
        model = JENIS[PARENT_KIND[parent]].model
        label = "nama" if parent != "aksi" else "uraian"
        for pk, nama in model._base_manager.filter(pk__in=ids).values_list("pk", label):
            names[(parent, pk)] = nama
    return names


def _label(key: str, rec, parents: dict) -> str:
    parent = JENIS[key].parent
    owner = parents.get((parent, getattr(rec, f"{parent}_id")), "(baris dihapus)") if parent else ""
    if key == "rencanaaksi":
        return rec.judul or "Rencana aksi"
    if key in ("sasaran", "aksi"):
        return rec.uraian
    if key == "indikator":
        return rec.nama
    if key in ("program", "kegiatan", "subkegiatan"):
        return f"{rec.kode} {rec.nama}".strip()
    if key == "target":
        return f"{owner} — {'target TW ' + ROMAWI[rec.triwulan] if rec.triwulan else 'target tahunan'}"
    if key == "jadwal":
        return f"{owner} — {nama_bulan(rec.bulan)}"
    if key == "realisasi":
        return f"{owner} — realisasi TW {ROMAWI[rec.triwulan]}"
    return f"{owner} — realisasi anggaran TW {ROMAWI[rec.triwulan]}"


def _value(f: models.Field, rec, names: dict) -> str:
    raw = getattr(rec, f.attname)
    if f.is_relation:
        return KOSONG if raw is None else names.get((f.related_model, raw), f"#{raw}")
    if f.name == "bulan" and isinstance(raw, int) and 1 <= raw <= 12:
        return nama_bulan(raw)
    return format_nilai(f, raw)


def _perubahan(key: str, rec, prev, names: dict, parents: dict) -> Perubahan:
    jenis = JENIS[key]
    item = Perubahan(jenis=key, jenis_label=jenis.label, label=_label(key, rec, parents), tipe=rec.history_type,
                     tanggal=rec.history_date, oleh=_nama_pengguna(rec.history_user),
                     sumber=rec.history_change_reason or "", objek_id=rec.id)
    fields = {f.name: f for f in _fields(jenis.model)}
    if rec.history_type == "~" and prev is not None:
        # diff_against compares through model_to_dict, which leaves non-editable fields out
        delta = rec.diff_against(prev, included_fields=[n for n, f in fields.items() if f.editable])
        for change in delta.changes:
            f = fields[change.field]
            item.ubahan.append(Ubahan(_label_field(f), _value(f, prev, names), _value(f, rec, names)))
    elif rec.history_type == "+":
        for f in fields.values():
            new = _value(f, rec, names)
            if new != KOSONG and f.name not in _SAMPING:
                item.ubahan.append(Ubahan(_label_field(f), "", new))
    return item


def _label_field(f: models.Field) -> str:
    label = str(f.verbose_name)
    return label[:1].upper() + label[1:]


# --- Notes ----------------------------------------------------------------------------------------------------

BARIS_MODEL: dict[str, type[models.Model]] = {"sasaran": Sasaran, "indikator": Indikator, "program": Program,
                                              "kegiatan": Kegiatan, "subkegiatan": SubKegiatan, "aksi": Aksi}
JENIS_BARIS: dict[type[models.Model], str] = {m: k for k, m in BARIS_MODEL.items()}
_BARIS_NAMA: dict[str, Callable] = {
    "sasaran": lambda o: o.uraian or f"Sasaran {o.nomor}", "indikator": lambda o: o.nama, "aksi": lambda o: o.uraian,
    "program": lambda o: f"{o.kode} {o.nama}".strip(), "kegiatan": lambda o: f"{o.kode} {o.nama}".strip(),
    "subkegiatan": lambda o: f"{o.kode} {o.nama}".strip()}


@dataclass
class Utas:
    """A thread: its root note, its replies oldest first, and the row it is about."""

    catatan: Catatan
    balasan: list[Catatan]
    baris_label: str


def _scope(qs: models.QuerySet, triwulan: int | None) -> models.QuerySet:
    return qs.filter(triwulan=triwulan) if triwulan is not None else qs.filter(triwulan__isnull=True)


def nama_baris(items: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """'Indikator: Persentase …' for each (jenis, id): one query per kind asked for."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for jenis, pk in items:
        wanted[jenis].add(pk)
    labels = dict(Catatan.Jenis.choices)
    result = {}
    for jenis, ids in wanted.items():
        found = {o.pk: o for o in BARIS_MODEL[jenis]._default_manager.filter(pk__in=ids)}
        for pk in ids:
            name = _BARIS_NAMA[jenis](found[pk]) if pk in found else "(baris dihapus)"
            result[(jenis, pk)] = f"{labels[jenis]}: {name}"
    return result


def catatan_utas(*, rencana_aksi: RencanaAksi, triwulan: int | None = None, jenis: str | None = None,
                 objek_id: int | None = None, hanya_terbuka: bool = False) -> list[Utas]:
    """The threads of a plan (or of one row), open ones first, then newest first; replies oldest first."""
    qs = _scope(Catatan.objects.filter(rencana_aksi=rencana_aksi), triwulan).select_related("penulis", "status_oleh")
    if jenis is not None:
        qs = qs.filter(jenis=jenis, objek_id=objek_id)
    notes = list(qs.order_by("dibuat", "id"))
    replies: dict[int, list[Catatan]] = defaultdict(list)
    roots = []
    for c in notes:
        if c.induk_id is None:
            roots.append(c)
        else:
            replies[c.induk_id].append(c)
    if hanya_terbuka:
        roots = [c for c in roots if c.terbuka]
    labels = nama_baris([(c.jenis, c.objek_id) for c in roots])
    roots.sort(key=lambda c: (not c.terbuka, -c.dibuat.timestamp(), -c.pk))
    return [Utas(c, replies.get(c.pk, []), labels[(c.jenis, c.objek_id)]) for c in roots]


def catatan_jumlah(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> dict[tuple[str, int], int]:
    """(jenis, id) → the number of open threads, for every row that has any thread (0 when all are resolved):
    one query."""
    qs = _scope(Catatan.objects.filter(rencana_aksi=rencana_aksi, induk__isnull=True), triwulan)
    rows = qs.values("jenis", "objek_id").annotate(n=Count("id", filter=Q(status=Catatan.Status.TERBUKA)))
    return {(r["jenis"], r["objek_id"]): r["n"] for r in rows}


@dataclass(frozen=True)
class BalasanCetak:
    penulis: str
    tanggal: str
    teks: str


@dataclass(frozen=True)
class CatatanCetak:
    """An open note as a report prints it: plain values only."""

    baris: str  # "Indikator: Persentase partisipasi pemilih"
    penulis: str
    tanggal: str  # "2 Januari 2024"
    teks: str
    balasan: tuple[BalasanCetak, ...]


def catatan_terbuka(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> list[CatatanCetak]:
    """The open evaluator notes of a plan (`triwulan=None`: the notes on the plan's rows) or of its monev report of
    a triwulan (the notes on the indikator's realisasi of that triwulan), oldest first, with their replies.
    For report builders (the monev document prints them): a fixed number of queries."""
    utas = catatan_utas(rencana_aksi=rencana_aksi, triwulan=triwulan, hanya_terbuka=True)
    utas.sort(key=lambda u: (u.catatan.dibuat, u.catatan.pk))
    return [CatatanCetak(baris=u.baris_label, penulis=_nama_pengguna(u.catatan.penulis),
                         tanggal=format_tanggal(timezone.localtime(u.catatan.dibuat).date()), teks=u.catatan.teks,
                         balasan=tuple(BalasanCetak(_nama_pengguna(b.penulis), format_tanggal(timezone.localtime(b.dibuat).date()), b.teks)
                                       for b in u.balasan))
            for u in utas]
