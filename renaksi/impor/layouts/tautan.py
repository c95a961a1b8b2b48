"""Which parent does each child belong to, when a document lists the levels in separate tables or sections?

The stacked matrix lists kegiatan in one section and sub kegiatan in the next, without saying which sub kegiatan
belongs to which kegiatan. Two readings are tried and the one the document's own numbers support is kept:

- *urutan*: the children are in the parents' order, in consecutive groups (each parent may take none);
- *nama*: each child goes to the parent whose name shares most of its distinctive words (words common to many
  names weigh little), then single children are moved when that makes more parents add up.

A reading is scored by how many parents' stated pagu equal the sum of their children's pagu exactly, then by how
well the names match. The result says which reading won and where the sums still differ, so the layout can report
the decision; the checker reports the differences themselves.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from renaksi.impor.teks import tokens


@dataclass(frozen=True)
class Item:
    nama: str
    pagu: int | None


@dataclass
class Pembacaan:
    cara: str  # "urutan" or "nama"
    induk: list[int]  # parent index for each child
    cocok: int  # parents whose stated pagu equals the sum of their children's pagu
    diperiksa: int  # parents with a stated pagu and at least one child with a pagu
    kemiripan: float
    selisih: list[tuple[int, int, int]] = field(default_factory=list)  # (parent, stated, sum) that differ

    def score(self) -> tuple[int, float]:
        return self.cocok, round(self.kemiripan, 6)


def _weights(names: list[str]) -> dict[str, float]:
    df = Counter(t for name in names for t in tokens(name))
    n = len(names)
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def similarity_matrix(children: list[Item], parents: list[Item]) -> list[list[float]]:
    weights = _weights([i.nama for i in children + parents])
    child_tokens = [tokens(c.nama) for c in children]
    parent_tokens = [tokens(p.nama) for p in parents]
    matrix = []
    for ct in child_tokens:
        row = []
        for pt in parent_tokens:
            shared = sum(weights.get(t, 0) for t in ct & pt)
            total = sum(weights.get(t, 0) for t in ct | pt) or 1
            row.append(shared / total)
        matrix.append(row)
    return matrix


def _evaluate(cara: str, induk: list[int], children: list[Item], parents: list[Item],
              sim: list[list[float]]) -> Pembacaan:
    cocok = diperiksa = 0
    selisih = []
    for p, parent in enumerate(parents):
        amounts = [pagu for c, owner in enumerate(induk)
                   if owner == p and (pagu := children[c].pagu) is not None]
        if parent.pagu is None or not amounts:
            continue
        diperiksa += 1
        if sum(amounts) == parent.pagu:
            cocok += 1
        else:
            selisih.append((p, parent.pagu, sum(amounts)))
    kemiripan = sum(sim[c][p] for c, p in enumerate(induk)) if sim and sim[0] else 0.0
    return Pembacaan(cara, induk, cocok, diperiksa, kemiripan, selisih)


def _by_order(children: list[Item], parents: list[Item], sim: list[list[float]]) -> list[int]:
    """Consecutive groups, in order, maximising (exact sums, non-empty groups, name similarity)."""
    n, m = len(children), len(parents)
    prefix = [0]
    for child in children:
        prefix.append(prefix[-1] + (child.pagu or 0))
    has_pagu = [0]
    for child in children:
        has_pagu.append(has_pagu[-1] + (child.pagu is not None))
    sim_prefix = [[0.0] * (n + 1) for _ in range(m)]
    for p in range(m):
        for i in range(n):
            sim_prefix[p][i + 1] = sim_prefix[p][i] + (sim[i][p] if sim else 0.0)
    NEG = (-1, -1, -1.0)
    best = [[NEG] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = (0, 0, 0.0)
    for p in range(1, m + 1):
        parent = parents[p - 1]
        for i in range(n + 1):
            for start in range(i + 1):
                if best[p - 1][start] == NEG:
                    continue
                exact = int(parent.pagu is not None and has_pagu[i] > has_pagu[start]
                            and prefix[i] - prefix[start] == parent.pagu)
                prev = best[p - 1][start]
                cand = (prev[0] + exact, prev[1] + (i > start), prev[2] + sim_prefix[p - 1][i] - sim_prefix[p - 1][start])
                if cand > best[p][i]:
                    best[p][i], back[p][i] = cand, start
    induk = [0] * n
    i = n
    for p in range(m, 0, -1):
        start = back[p][i]
        for c in range(start, i):
            induk[c] = p - 1
        i = start
    return induk


def _by_name(children: list[Item], parents: list[Item], sim: list[list[float]]) -> list[int]:
    induk = [max(range(len(parents)), key=lambda p: (row[p], -p)) for row in sim]
    for _ in range(3):  # move single children while that makes more parents add up
        improved = False
        for c in range(len(children)):
            current = _evaluate("nama", induk, children, parents, sim).cocok
            for p in range(len(parents)):
                if p == induk[c]:
                    continue
                trial = induk[:c] + [p] + induk[c + 1:]
                if _evaluate("nama", trial, children, parents, sim).cocok > current:
                    induk, improved = trial, True
                    break
        if not improved:
            break
    return induk


def hubungkan(children: list[Item], parents: list[Item]) -> Pembacaan | None:
    """The best reading of which parent each child belongs to, or None when there is no parent."""
    if not parents or not children:
        return None
    sim = similarity_matrix(children, parents)
    order = _evaluate("urutan", _by_order(children, parents, sim), children, parents, sim)
    name = _evaluate("nama", _by_name(children, parents, sim), children, parents, sim)
    # Ties go to the order of the document: names that share no word say nothing.
    return name if name.score() > order.score() else order
