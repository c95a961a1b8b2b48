"""What changed between two plans: the one diff of the project.

Two users of it:
- the comparison of two versions of a plan (the page "Bandingkan versi"): rows are matched by their `kunci`, the
  identity a perubahan keeps, so a renamed aksi is a change of its name;
- the import preview and `renaksi import --replace` (renaksi.impor): the rows of a document have no kunci yet, so
  rows are matched by their place in the tree and their name with case, labels and punctuation ignored
  (`core.nama.nama_key`): a respelled name is a removal plus an addition.

`snapshot(plan, match=...)` reads a plan once (`plan_data`) into comparable rows (`Baris`: the shown fields as
text, its parent's key); `compare(before, after)` lists what was added, removed or changed (`Perubahan`, with the
changed fields old → new) and `tree(diff)` lays both plans out as the editor does (sasaran → indikator; program →
kegiatan → sub kegiatan → aksi), removed rows beside their siblings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from renaksi.core.angka import format_rupiah
from renaksi.core.bulan import singkat_bulan
from renaksi.core.nama import nama_key

from .models import RencanaAksi
from .selectors import plan_data, target_label

LEVELS = ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "aksi")
LABEL = {"sasaran": "sasaran", "indikator": "indikator", "program": "program", "kegiatan": "kegiatan",
         "sub_kegiatan": "sub kegiatan", "aksi": "aksi"}
PARENT = {"sasaran": "sasaran", "indikator": "sasaran", "program": None, "kegiatan": "program",
          "sub_kegiatan": "kegiatan", "aksi": "sub_kegiatan"}
BY_KUNCI, BY_NAMA = "kunci", "nama"


@dataclass
class Baris:
    """One row as compared: its key (kunci, or place and name), its name, its shown fields, its parent's key."""

    tingkat: str
    key: Any
    nama: str
    nilai: dict[str, str]
    induk: Any = None
    urutan: tuple = ()


@dataclass
class Perubahan:
    jenis: str  # "ditambah", "dihapus", "diubah"
    tingkat: str
    nama: str
    lama: str = ""
    baru: str = ""
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new) of the changed fields

    def as_json(self) -> dict:
        return {"jenis": self.jenis, "tingkat": self.tingkat, "nama": self.nama, "lama": self.lama, "baru": self.baru,
                "fields": [{"label": label, "lama": old, "baru": new} for label, old, new in self.fields]}

    def as_text(self) -> str:
        mark = {"ditambah": "+", "dihapus": "-", "diubah": "~"}[self.jenis]
        change = f": {self.lama} → {self.baru}" if self.jenis == "diubah" else ""
        return f"{mark} {LABEL[self.tingkat]} {self.nama}{change}"


@dataclass
class PlanDiff:
    counts_lama: dict[str, int]
    counts_baru: dict[str, int]
    pagu_lama: dict[str, int]
    pagu_baru: dict[str, int]
    perubahan: list[Perubahan] = field(default_factory=list)
    before: dict = field(default_factory=dict, repr=False)
    after: dict = field(default_factory=dict, repr=False)

    @property
    def sama(self) -> bool:
        return not self.perubahan

    def jumlah(self, jenis: str) -> int:
        return sum(1 for p in self.perubahan if p.jenis == jenis)

    def as_json(self) -> dict:
        return {"counts": {"lama": self.counts_lama, "baru": self.counts_baru},
                "pagu": {"lama": self.pagu_lama, "baru": self.pagu_baru},
                "perubahan": [p.as_json() for p in self.perubahan]}

    def as_text(self) -> str:
        lines = ["Perbedaan rencana aksi tersimpan dengan dokumen:"]
        for level in LEVELS:
            old, new = self.counts_lama.get(level, 0), self.counts_baru.get(level, 0)
            lines.append(f"  {LABEL[level]}: {old} → {new}" + ("" if old == new else "  *"))
        for level in ("program", "kegiatan", "sub_kegiatan"):
            old, new = self.pagu_lama.get(level, 0), self.pagu_baru.get(level, 0)
            lines.append(f"  pagu {LABEL[level]}: {format_rupiah(old)} → {format_rupiah(new)}"
                         + ("" if old == new else "  *"))
        if self.sama:
            lines.append("Tidak ada perubahan isi.")
        lines += [p.as_text() for p in self.perubahan]
        return "\n".join(lines)


def _unique(items: dict, key: tuple, row: Baris) -> None:
    n = 1
    while (key + (n,) if n > 1 else key) in items:
        n += 1
    row.key = key + (n,) if n > 1 else key
    items[row.key] = row


def _bulan(months) -> str:
    return ", ".join(singkat_bulan(m) for m in sorted(months))


def snapshot(ra: RencanaAksi, *, match: str = BY_NAMA) -> dict:
    """The comparable content of a plan: per level, key → `Baris`; rows keyed by `kunci` or by place and name."""
    plan = plan_data(rencana_aksi=ra)
    snap: dict = {level: {} for level in LEVELS}
    keys: dict[str, dict[int, Any]] = {level: {} for level in LEVELS}
    by_kunci = match == BY_KUNCI

    def add(level: str, obj, name_key: tuple, parent_id: int | None, nama: str, nilai: dict[str, str]) -> None:
        parent = keys[PARENT[level]].get(parent_id) if PARENT[level] and parent_id else None
        row = Baris(level, None, nama, nilai, parent, (obj.urutan, obj.pk))
        if by_kunci:
            row.key = str(obj.kunci)
            snap[level][row.key] = row
        else:
            _unique(snap[level], ((parent,) if parent is not None else ()) + name_key, row)
        keys[level][obj.pk] = row.key

    bidang = plan.bidang_by_id
    # Sasaran: parents first (their keys are their children's parent keys).
    pending = list(plan.sasaran)
    while pending:
        ready = [s for s in pending if not s.parent_id or s.parent_id in keys["sasaran"]
                 or s.parent_id not in plan.sasaran_by_id] or pending
        for s in ready:
            add("sasaran", s, (s.level, nama_key(s.uraian)), s.parent_id, s.uraian,
                {_("Nomor"): s.nomor, _("Uraian"): s.uraian, _("Tingkat"): s.get_level_display()})
        pending = [s for s in pending if s not in ready]
    for i in plan.indikator:
        b = bidang.get(i.bidang_id) if i.bidang_id else None
        nilai = {_("Nama"): i.nama, _("Satuan"): i.satuan, _("Target tahunan"): target_label(plan.target(i.pk))}
        nilai |= {f"TW {tw}": target_label(t) for tw, t in zip(("I", "II", "III", "IV"),
                                                              plan.triwulan_targets(i.pk), strict=True)}
        add("indikator", i, (nama_key(i.nama), b.nama if b else ""), i.sasaran_id, i.nama, nilai)

    def linked(level: str, pk: int) -> str:
        # Sorted: the order of the links is not shown as meaningful, and two imports of one document may store them
        # in a different order (a re-import then showed every such row as changed).
        return "; ".join(sorted(ind.nama for ind in plan.linked_indikator(level, pk)))

    for level, rows, parent_attr in (("program", plan.program, None), ("kegiatan", plan.kegiatan, "program_id"),
                                     ("sub_kegiatan", plan.sub_kegiatan, "kegiatan_id")):
        for r in rows:
            nilai = {_("Kode"): r.kode, _("Nama"): r.nama, _("Pagu"): format_rupiah(r.pagu, rp=True, kosong="")}
            if level == "sub_kegiatan":
                b = bidang.get(r.bidang_id) if r.bidang_id else None
                nilai |= {_("Target keluaran"): r.target_teks, _("Bidang"): b.nama if b else ""}
            nilai[_("Indikator")] = linked(level, r.pk)
            add(level, r, (nama_key(r.nama),), getattr(r, parent_attr) if parent_attr else None, r.nama, nilai)
    for a in plan.aksi:
        nilai = {_("Nomor"): a.nomor, _("Aksi"): a.uraian, _("Keluaran"): a.keluaran, _("Target"): a.target_teks,
                 _("Pagu"): format_rupiah(a.pagu, rp=True, kosong=""), _("Jadwal"): _bulan(plan.bulan_of(a.pk)),
                 _("Penanggung jawab"): a.penanggung_jawab}
        add("aksi", a, (a.nomor, nama_key(a.uraian)), a.sub_kegiatan_id, a.uraian, nilai)
    snap["_counts"] = {level: len(snap[level]) for level in LEVELS}
    snap["_pagu"] = {
        "program": sum(p.pagu or 0 for p in plan.program),
        "kegiatan": sum(k.pagu or 0 for k in plan.kegiatan),
        "sub_kegiatan": sum(s.pagu or 0 for s in plan.sub_kegiatan),
    }
    return snap


def _changed_fields(old: Baris, new: Baris) -> list[tuple[str, str, str]]:
    return [(label, old.nilai.get(label, ""), value) for label, value in new.nilai.items()
            if old.nilai.get(label, "") != value]


def compare(before: dict, after: dict) -> PlanDiff:
    """What is added, removed and changed from `before` to `after` (two `snapshot`s made with the same `match`)."""
    diff = PlanDiff(before["_counts"], after["_counts"], before["_pagu"], after["_pagu"], before=before, after=after)
    for level in LEVELS:
        old, new = before[level], after[level]
        for key in new.keys() - old.keys():
            diff.perubahan.append(Perubahan("ditambah", level, new[key].nama, baru=_summary(new[key])))
        for key in old.keys() - new.keys():
            diff.perubahan.append(Perubahan("dihapus", level, old[key].nama, lama=_summary(old[key])))
        for key in old.keys() & new.keys():
            if changed := _changed_fields(old[key], new[key]):
                diff.perubahan.append(Perubahan(
                    "diubah", level, new[key].nama,
                    "; ".join(f"{label} {o or '—'}" if len(changed) > 1 else (o or "—") for label, o, _n in changed),
                    "; ".join(f"{label} {n or '—'}" if len(changed) > 1 else (n or "—") for label, _o, n in changed),
                    changed))
    order = {level: i for i, level in enumerate(LEVELS)}
    diff.perubahan.sort(key=lambda p: (order[p.tingkat], p.jenis, p.nama))
    return diff


SUMMARY_FIELD = {"sasaran": "Nomor", "indikator": "Target tahunan", "program": "Pagu", "kegiatan": "Pagu",
                 "sub_kegiatan": "Pagu", "aksi": "Jadwal"}


def _summary(row: Baris) -> str:
    """What an added or removed row is shown with beside its name (its pagu, target or schedule)."""
    return row.nilai.get(_(SUMMARY_FIELD[row.tingkat]), "")


# --- Both plans laid out as the editor shows them ---------------------------------------------------------------


@dataclass
class Node:
    """A row of the comparison: `status` "sama", "diubah", "ditambah" or "dihapus"; `fields` (label, old, new,
    changed) — for an added row old is empty, for a removed one new is."""

    tingkat: str
    nama: str
    status: str
    depth: int
    fields: list[tuple[str, str, str, bool]]
    cells: list[tuple[str, str, bool]] = field(default_factory=list)  # the table's columns: (old, new, changed)

    @property
    def changed(self) -> list[tuple[str, str, str, bool]]:
        return [f for f in self.fields if f[3]]

    def field(self, label: str) -> tuple[str, str, str, bool]:
        return next((f for f in self.fields if f[0] == label), (label, "", "", False))


# The columns of the two tables, as the editor has them: per level, the fields shown in each column.
COLUMNS = {
    "sasaran": [("Nomor",), ("Uraian",), (), (), (), (), (), ()],
    "indikator": [(), ("Nama",), ("Satuan",), ("Target tahunan",), ("TW I",), ("TW II",), ("TW III",), ("TW IV",)],
    "program": [("Kode",), ("Nama",), (), (), ("Pagu",), ("Indikator",)],
    "kegiatan": [("Kode",), ("Nama",), (), (), ("Pagu",), ("Indikator",)],
    "sub_kegiatan": [("Kode",), ("Nama",), (), ("Target keluaran",), ("Pagu",), ("Bidang", "Indikator")],
    "aksi": [("Nomor",), ("Aksi",), ("Jadwal",), ("Keluaran", "Target"), ("Pagu",), ("Penanggung jawab",)],
}


def _cells(level: str, fields: list[tuple[str, str, str, bool]]) -> list[tuple[str, str, bool]]:
    by_label = {label: (old, new, changed) for label, old, new, changed in fields}
    cells = []
    for labels in COLUMNS[level]:
        parts = [by_label.get(_(label), ("", "", False)) for label in labels]
        cells.append((" · ".join(p[0] for p in parts if p[0]), " · ".join(p[1] for p in parts if p[1]),
                      any(p[2] for p in parts)))
    return cells


def tree(diff: PlanDiff) -> dict[str, list[Node]]:
    """The two plans as one tree in the new plan's order, each removed row after its old siblings:
    {"sasaran": [...sasaran and their indikator], "anggaran": [...program → kegiatan → sub kegiatan → aksi]}."""
    before, after = diff.before, diff.after
    children: dict[str, dict[Any, list[tuple[int, tuple, Any]]]] = {lv: defaultdict(list) for lv in LEVELS}
    for side, snap in ((0, after), (1, before)):
        for level in LEVELS:
            for key, row in snap[level].items():
                if side == 1 and key in after[level]:
                    continue  # shown where the new plan has it
                children[level][row.induk].append((side, row.urutan, key))
    for level in LEVELS:
        for siblings in children[level].values():
            siblings.sort(key=lambda s: (s[0], s[1]))

    def node(level: str, key: Any, depth: int) -> Node:
        old, new = before[level].get(key), after[level].get(key)
        labels = list((new or old).nilai)
        fields = [(label, old.nilai.get(label, "") if old else "", new.nilai.get(label, "") if new else "",
                   bool(old and new and old.nilai.get(label, "") != new.nilai.get(label, ""))) for label in labels]
        status = "ditambah" if old is None else "dihapus" if new is None else (
            "diubah" if any(f[3] for f in fields) else "sama")
        return Node(level, (new or old).nama, status, depth, fields, _cells(level, fields))

    sasaran: list[Node] = []

    def walk_sasaran(parent: Any, depth: int) -> None:
        for _side, _urutan, key in children["sasaran"].get(parent, []):
            sasaran.append(node("sasaran", key, depth))
            sasaran.extend(node("indikator", k, depth + 1) for _s, _u, k in children["indikator"].get(key, []))
            if depth < 10:
                walk_sasaran(key, depth + 1)

    walk_sasaran(None, 0)
    anggaran: list[Node] = []

    def walk(level: str, parent: Any, depth: int) -> None:
        below = {"program": "kegiatan", "kegiatan": "sub_kegiatan", "sub_kegiatan": "aksi"}.get(level)
        for _side, _urutan, key in children[level].get(parent, []):
            anggaran.append(node(level, key, depth))
            if below:
                walk(below, key, depth + 1)

    walk("program", None, 0)
    return {"sasaran": sasaran, "anggaran": anggaran}
