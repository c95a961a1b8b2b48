"""Which amount belongs to which name, when a budget table's pagu column is not level with its names?

A kegiatan group of a budget table is its kegiatan and sub kegiatan (the names, each on a row) and the amounts of
the pagu column (each on a row). Usually every amount stands on the row of one name. When the copy merged a
kegiatan and its first sub kegiatan into one cell, one amount stands on a row with two names and one amount on a
row with none (Samarinda, Tabel 2.3, last kegiatan). The possible readings are then:

- *per baris*: each amount to the name on its row (the shared row's amount to the kegiatan, or to the sub
  kegiatan), an amount on a row without a name left unplaced;
- *berurutan*: the n-th amount to the n-th name, when there are as many amounts as names.

The document's own numbers choose: the reading where the sub kegiatan add up to the kegiatan wins, then the one
where the kegiatan add up to the stated total ("Total Pagu Anggaran"), then the one that places most amounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext

from renaksi.impor.dokumen import KegiatanDoc, ProgramDoc, SubKegiatanDoc, Uang

from .umum import rp


@dataclass(eq=False)
class Kelompok:
    """A kegiatan of a budget table with the names and amounts of its rows, before the amounts are placed."""

    program: ProgramDoc
    kegiatan: KegiatanDoc
    names: list[tuple[KegiatanDoc | SubKegiatanDoc, int]] = field(default_factory=list)  # (item, row)
    values: list[tuple[Uang, int]] = field(default_factory=list)  # (pagu, row)
    explanation: str = ""  # set when the reading had to be chosen


Pembacaan = tuple[str, dict[int, Uang]]  # (name of the reading, id(item) → amount)


def readings(group: Kelompok) -> list[Pembacaan]:
    """The possible placements; a single one when every amount stands level with exactly one name."""
    by_row: dict[int, list] = {}
    for obj, number in group.names:
        by_row.setdefault(number, []).append(obj)
    aligned = all(len(by_row.get(number, [])) == 1 for _u, number in group.values) and \
        len({n for _u, n in group.values}) == len(group.values)
    if aligned:
        return [("per baris", {id(by_row[n][0]): u for u, n in group.values})]
    found: list[Pembacaan] = []
    if len(group.values) == len(group.names):
        found.append(("berurutan (nilai ke-n untuk nama ke-n)",
                      {id(obj): uang for (obj, _n), (uang, _m) in zip(group.names, group.values, strict=True)}))
    for pick, label in ((0, "per baris (nilai sel gabungan untuk kegiatan)"),
                        (-1, "per baris (nilai sel gabungan untuk sub kegiatan)")):
        assign: dict[int, Uang] = {}
        for uang, number in group.values:
            if by_row.get(number):
                assign.setdefault(id(by_row[number][pick]), uang)
        found.append((label, assign))
    return found


def _score(group: Kelompok, assign: dict[int, Uang], others: int, total: Uang | None) -> tuple[bool, bool, int]:
    kegiatan = assign.get(id(group.kegiatan))
    subs = [assign.get(id(s)) for s in group.kegiatan.sub_kegiatan]
    known = [s for s in subs if s is not None]
    sums = bool(kegiatan is not None and subs and len(known) == len(subs)
                and sum(s.nilai or 0 for s in known) == kegiatan.nilai)
    adds_up = bool(total is not None and kegiatan is not None and others + (kegiatan.nilai or 0) == total.nilai)
    return sums, adds_up, len(assign)


def describe(group: Kelompok, assign: dict[int, Uang]) -> str:
    parts = []
    for obj, _n in group.names:
        uang = assign.get(id(obj))
        label = (gettext("kegiatan") if isinstance(obj, KegiatanDoc)
                 else gettext("sub kegiatan '%(nama)s'") % {"nama": short(obj.nama.teks)})
        parts.append(f"{label} {rp(uang.nilai) if uang else gettext('tanpa pagu')}")
    return ", ".join(parts)


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def place_amounts(groups: list[Kelompok], total: Uang | None) -> list[Uang]:
    """Set the pagu of every name of one budget table's groups; returns the amounts that could not be placed.

    An ambiguous group gets `explanation` (Indonesian): the reading chosen, why, and the readings rejected.
    """
    chosen: dict[int, dict[int, Uang]] = {}
    pending = []
    for group in groups:
        found = readings(group)
        if len(found) == 1:
            chosen[id(group)] = found[0][1]
            _apply(group, found[0][1])
        else:
            pending.append((group, found))
    for group, found in pending:
        others = sum(g.kegiatan.pagu.nilai or 0 for g in groups if g is not group and g.kegiatan.pagu is not None)
        ranked = sorted(found, key=lambda r: _score(group, r[1], others, total), reverse=True)
        name, assign = ranked[0]
        chosen[id(group)] = assign
        _apply(group, assign)
        sums, adds_up, _placed = _score(group, assign, others, total)
        reasons = []
        if sums and group.kegiatan.pagu is not None:  # `_apply` gave the kegiatan the amount that sums
            reasons.append(gettext("jumlah pagu sub kegiatannya sama dengan pagu kegiatan yang tertulis "
                                   "(%(pagu)s)") % {"pagu": rp(group.kegiatan.pagu.nilai)})
        if adds_up and total is not None:
            reasons.append(
                gettext(
                    "jumlah pagu semua kegiatan sama dengan %(total)s yang tertulis sebagai total (%(pagu)s)"
                )
                % {"total": total.teks, "pagu": rp(total.nilai)}
            )
        rejected = "; ".join(f"{n}: {describe(group, a)}" for n, a in ranked[1:])
        alasan = (gettext(", karena %(alasan)s") % {"alasan": gettext(" dan ").join(reasons)} if reasons
                  else gettext(", karena tidak ada pembacaan lain yang cocok"))
        lain = gettext(". Pembacaan lain: %(daftar)s") % {"daftar": rejected} if rejected else ""
        group.explanation = gettext(
            "Di kegiatan '%(kegiatan)s' kolom pagu tidak sejajar dengan nama-namanya (%(n_nilai)d nilai untuk "
            "%(n_nama)d nama pada baris yang berbeda). Dipilih pembacaan %(nama)s: "
            "%(bacaan)s%(alasan)s%(lain)s."
        ) % {
            "kegiatan": group.kegiatan.nama.teks,
            "n_nilai": len(group.values),
            "n_nama": len(group.names),
            "nama": name,
            "bacaan": describe(group, assign),
            "alasan": alasan,
            "lain": lain,
        }
    placed = {id(u) for assign in chosen.values() for u in assign.values()}
    return [u for g in groups for u, _n in g.values if id(u) not in placed]


def _apply(group: Kelompok, assign: dict[int, Uang]) -> None:
    for obj, _n in group.names:
        obj.pagu = assign.get(id(obj))
