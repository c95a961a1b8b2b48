"""What a re-import would change: the plan as stored against the plan the document would give.

Items are compared by their place in the tree and their name with case, labels and punctuation ignored
(`teks.nama_key`), so a respelled name is a removal plus an addition, and a changed pagu or target is a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renaksi.core.angka import format_rupiah
from renaksi.impor.teks import nama_key
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.selectors import plan_data

LEVELS = ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "aksi")
LABEL = {"sasaran": "sasaran", "indikator": "indikator", "program": "program", "kegiatan": "kegiatan",
         "sub_kegiatan": "sub kegiatan", "aksi": "aksi"}


@dataclass
class Perubahan:
    jenis: str  # "ditambah", "dihapus", "diubah"
    tingkat: str
    nama: str
    lama: str = ""
    baru: str = ""

    def as_json(self) -> dict:
        return {"jenis": self.jenis, "tingkat": self.tingkat, "nama": self.nama, "lama": self.lama, "baru": self.baru}

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

    @property
    def sama(self) -> bool:
        return not self.perubahan

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


def _unique(items: dict, key: tuple, value: dict) -> None:
    n = 1
    while (key + (n,) if n > 1 else key) in items:
        n += 1
    items[key + (n,) if n > 1 else key] = value


def snapshot(ra: RencanaAksi) -> dict:
    """The comparable content of a plan: per level, key → {nama, nilai}."""
    plan = plan_data(rencana_aksi=ra)
    snap: dict = {level: {} for level in LEVELS}
    for s in plan.sasaran:
        _unique(snap["sasaran"], (s.level, nama_key(s.uraian)), {"nama": s.uraian, "nilai": s.nomor})
    for i in plan.indikator:
        written = " | ".join(t.teks if t else "" for t in (plan.target(i.pk), *plan.triwulan_targets(i.pk)))
        bidang = plan.bidang_by_id.get(i.bidang_id) if i.bidang_id else None
        key = (nama_key(plan.sasaran_by_id[i.sasaran_id].uraian), nama_key(i.nama), bidang.nama if bidang else "")
        _unique(snap["indikator"], key, {"nama": i.nama, "nilai": written})
    programs = {}
    for p in plan.program:
        programs[p.pk] = (nama_key(p.nama),)
        _unique(snap["program"], programs[p.pk], {"nama": p.nama, "nilai": format_rupiah(p.pagu)})
    kegiatan = {}
    for k in plan.kegiatan:
        kegiatan[k.pk] = programs.get(k.program_id, ()) + (nama_key(k.nama),)
        _unique(snap["kegiatan"], kegiatan[k.pk], {"nama": k.nama, "nilai": format_rupiah(k.pagu)})
    subs = {}
    for s in plan.sub_kegiatan:
        subs[s.pk] = kegiatan.get(s.kegiatan_id, ()) + (nama_key(s.nama),)
        _unique(snap["sub_kegiatan"], subs[s.pk], {"nama": s.nama, "nilai": format_rupiah(s.pagu)})
    for a in plan.aksi:
        key = subs.get(a.sub_kegiatan_id, ()) + (a.nomor, nama_key(a.uraian))
        _unique(snap["aksi"], key, {"nama": a.uraian, "nilai": a.keluaran})
    snap["_counts"] = {level: len(snap[level]) for level in LEVELS}
    snap["_pagu"] = {
        "program": sum(p.pagu or 0 for p in plan.program),
        "kegiatan": sum(k.pagu or 0 for k in plan.kegiatan),
        "sub_kegiatan": sum(s.pagu or 0 for s in plan.sub_kegiatan),
    }
    return snap


def compare(before: dict, after: dict) -> PlanDiff:
    diff = PlanDiff(before["_counts"], after["_counts"], before["_pagu"], after["_pagu"])
    for level in LEVELS:
        old, new = before[level], after[level]
        for key in new.keys() - old.keys():
            diff.perubahan.append(Perubahan("ditambah", level, new[key]["nama"], baru=new[key]["nilai"]))
        for key in old.keys() - new.keys():
            diff.perubahan.append(Perubahan("dihapus", level, old[key]["nama"], lama=old[key]["nilai"]))
        for key in old.keys() & new.keys():
            if old[key]["nilai"] != new[key]["nilai"]:
                diff.perubahan.append(Perubahan("diubah", level, new[key]["nama"], old[key]["nilai"],
                                                new[key]["nilai"]))
    order = {level: i for i, level in enumerate(LEVELS)}
    diff.perubahan.sort(key=lambda p: (order[p.tingkat], p.jenis, p.nama))
    return diff
