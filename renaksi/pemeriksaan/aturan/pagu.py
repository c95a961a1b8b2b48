"""Budget rules: roll-ups that do not add up, one item with two pagu, one name with two budgets."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from renaksi.core.angka import format_rupiah

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import AnggaranData, PlanSnapshot
from .common import describe_cause, digit_slip, factor_between, normalize_name, rp

LEVEL_NAMES = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub kegiatan", "aksi": "aksi"}


CAUSE_CHILD_TOO_SMALL = _(" Selisihnya cocok bila pagu {label} ({pagu}) seharusnya {factor} kali lebih besar: "
                          "kemungkinan ditulis dalam ribuan/jutaan.")
CAUSE_CHILD_TOO_BIG = _(" Selisihnya cocok bila pagu {label} ({pagu}) seharusnya {factor} kali lebih kecil: "
                        "kemungkinan salah satuan.")
CAUSE_CHILD_LEFT_OUT = _(" Selisihnya sama dengan pagu {label}: pagu induk tampaknya belum memasukkannya.")
CAUSE_CHILD_TWICE = _(" Selisihnya sama dengan pagu {label}: pagu induk tampaknya menghitungnya dua kali, "
                      "atau ada rincian yang tidak tercantum.")
CAUSE_CHILD_GAP = _(" Selisihnya sama dengan selisih antara {label} dan jumlah sub kegiatannya: pagu program "
                    "tampaknya dijumlahkan dari sub kegiatan, jadi perbaiki dulu {label}.")
CAUSE_GRANDCHILD = _(" Selisihnya sama dengan pagu {label}: periksa apakah rincian itu dihitung di tingkat ini.")


def _likely_cause(expected: int, actual: int, children: list[tuple[str, int]],
                  grandchildren: list[tuple[str, int]], child_gaps: list[tuple[str, int]] = ()
                  ) -> tuple[dict, str]:
    """The most specific explanation of `expected` (parent) ≠ `actual` (sum of the children)."""
    if f := factor_between(expected, actual):
        return {"cause": "faktor", "factor": f}, describe_cause("faktor", f)
    difference = expected - actual
    for label, pagu in children:
        for f in (1_000, 1_000_000):
            if pagu and difference == pagu * (f - 1):
                text = str(CAUSE_CHILD_TOO_SMALL).format(label=label, pagu=rp(pagu), factor=format_rupiah(f))
                return {"cause": "faktor_anak", "factor": f}, text
            if pagu and pagu % f == 0 and -difference == pagu - pagu // f:
                text = str(CAUSE_CHILD_TOO_BIG).format(label=label, pagu=rp(pagu), factor=format_rupiah(f))
                return {"cause": "faktor_anak", "factor": f}, text
    for label, pagu in children:
        if pagu and -difference == pagu:
            return {"cause": "anak_tidak_dihitung"}, str(CAUSE_CHILD_LEFT_OUT).format(label=label)
        if pagu and difference == pagu:
            return {"cause": "anak_dihitung_ganda"}, str(CAUSE_CHILD_TWICE).format(label=label)
    for label, gap in child_gaps:
        if gap and difference == gap:
            return {"cause": "selisih_anak"}, str(CAUSE_CHILD_GAP).format(label=label)
    for label, pagu in grandchildren:
        if pagu and abs(difference) == pagu:
            return {"cause": "cucu"}, str(CAUSE_GRANDCHILD).format(label=label)
    if cause := digit_slip(expected, actual):
        return {"cause": cause}, describe_cause(cause)
    return {}, ""


def _rollup(plan: PlanSnapshot, level: str, parent: AnggaranData, children: list[tuple[str, int | None]],
            child_level: str, grandchildren: list[tuple[str, int]] = (),
            child_gaps: list[tuple[str, int]] = ()) -> Hit | None:
    if parent.pagu is None or not children:
        return None
    known = [(label, pagu) for label, pagu in children if pagu is not None]
    if not known:
        return None
    actual = sum(p for _, p in known)
    expected = parent.pagu
    # Some children without pagu: only an over-allocation is certain.
    if len(known) < len(children) and actual <= expected:
        return None
    if actual == expected:
        return None
    cause_values, cause_text = _likely_cause(expected, actual, known, list(grandchildren), list(child_gaps))
    values = {"expected": expected, "actual": actual, "difference": expected - actual, "children": len(children),
              **cause_values}
    return Hit(
        location=plan.anggaran_location(level, parent, ("pagu",)),
        values=values,
        params={"level": LEVEL_NAMES[level], "child_level": LEVEL_NAMES[child_level],
                "nama": parent.nama.strip(), "expected_rp": rp(expected), "actual_rp": rp(actual),
                "difference_rp": rp(abs(expected - actual)), "cause_text": cause_text},
        key=f"{level}>{child_level}",
    )


@rule(
    "pagu.rollup_mismatch",
    severity=Severity.ERROR,
    title=_("Jumlah pagu tidak sama dengan pagu induknya"),
    message=_("Pagu {level} {expected_rp} tidak sama dengan jumlah pagu {children} {child_level} di bawahnya "
              "{actual_rp} (selisih {difference_rp}).{cause_text}"),
)
def pagu_rollup_mismatch(plan: PlanSnapshot) -> Iterator[Hit]:
    """The pagu of a program must equal the sum of its kegiatan, a kegiatan the sum of its sub kegiatan, and —
    when the aksi carry pagu — a sub kegiatan the sum of its aksi.

    Money is compared exactly (whole rupiah). A level without pagu (NULL) is not checked. When some children have
    no pagu, only a sum that already exceeds the parent is reported. The finding names the likely cause: an exact
    factor of 1,000 or 1,000,000 (a unit slip), one child written in thousands, a child left out or counted twice,
    a program that differs from its kegiatan by exactly the gap between one kegiatan and its own sub kegiatan (the
    program was summed from the sub kegiatan), a difference equal to a grandchild's pagu, one digit mistyped, two
    adjacent digits swapped, a digit dropped (the last three only for amounts with 4+ significant digits).
    Values: `expected` (the parent's pagu), `actual` (the sum of the children), `difference` = expected − actual,
    `children` (how many), and `cause`/`factor` when a cause is recognised.
    """
    for program in plan.program:
        kegiatan = plan.kegiatan_by_program.get(program.id, [])
        grandchildren = [(f"sub kegiatan {s.nama.strip()}", s.pagu) for k in kegiatan
                         for s in plan.sub_kegiatan_by_kegiatan.get(k.id, []) if s.pagu]
        # A kegiatan whose own sub kegiatan add up to more (or less) than its pagu: a program summed from the sub
        # kegiatan then differs from its kegiatan by that same amount.
        gaps = []
        for k in kegiatan:
            subs = plan.sub_kegiatan_by_kegiatan.get(k.id, [])
            if k.pagu is not None and subs and all(s.pagu is not None for s in subs):
                gaps.append((f"kegiatan {k.nama.strip()}", sum(s.pagu or 0 for s in subs) - k.pagu))
        hit = _rollup(plan, "program", program, [(f"kegiatan {k.nama.strip()}", k.pagu) for k in kegiatan],
                      "kegiatan", grandchildren, gaps)
        if hit:
            yield hit
    for kegiatan in plan.kegiatan:
        subs = plan.sub_kegiatan_by_kegiatan.get(kegiatan.id, [])
        hit = _rollup(plan, "kegiatan", kegiatan, [(f"sub kegiatan {s.nama.strip()}", s.pagu) for s in subs],
                      "subkegiatan")
        if hit:
            yield hit
    for sub in plan.sub_kegiatan:
        aksi = plan.aksi_by_sub_kegiatan.get(sub.id, [])
        if not any(a.pagu is not None for a in aksi):
            continue
        # Documents often write the sub kegiatan's pagu once, on its first aksi: the others stay empty.
        hit = _rollup(plan, "subkegiatan", sub,
                      [(f"aksi {a.nomor or ''} {a.uraian.strip()}".replace("  ", " "), a.pagu)
                       for a in aksi if a.pagu is not None], "aksi")
        if hit:
            yield hit


@rule(
    "pagu.conflicting_sources",
    severity=Severity.ERROR,
    title=_("Satu rincian, dua pagu berbeda dalam satu dokumen"),
    message=_("{label} tertulis dengan pagu berbeda di dokumen sumber: {tempat}. Yang tersimpan {stored_rp}; "
              "selisih {difference_rp}.{cause_text}"),
)
def pagu_conflicting_sources(plan: PlanSnapshot) -> Iterator[Hit]:
    """The same program, kegiatan, sub kegiatan or aksi with two different pagu in two places of one document
    (e.g. Tabel 2.3 and the bidang page of Samarinda).

    Reads the `Provenance` rows with `field == "pagu"` that the importer keeps for every place a pagu was read:
    two rows for one object with different values are a finding. Values: `values` (each distinct amount, in the
    order the document gives them), `stored` (the pagu kept in the plan), `difference` (largest − smallest), and
    `cause`/`factor` when the two amounts look like a unit or typing slip.
    """
    by_level = {"program": plan.program_by_id, "kegiatan": plan.kegiatan_by_id,
                "subkegiatan": plan.sub_kegiatan_by_id}
    for (object_type, object_id), rows in plan.provenance_by_object.items():
        amounts: list[int] = []
        for p in rows:
            if p.field == "pagu" and p.nilai is not None and int(p.nilai) not in amounts:
                amounts.append(int(p.nilai))
        if len(amounts) < 2:
            continue
        if object_type in by_level:
            row = by_level[object_type].get(object_id)
            if row is None:
                continue
            location = plan.anggaran_location(object_type, row, ("pagu",))
            stored = row.pagu
        elif object_type == "aksi":
            aksi = plan.aksi_by_id.get(object_id)
            if aksi is None:
                continue
            location = plan.aksi_location(aksi, ("pagu",))
            stored = aksi.pagu
        else:
            continue
        low, high = min(amounts), max(amounts)
        cause, cause_text = "", ""
        if f := factor_between(low, high):
            cause, cause_text = "faktor", describe_cause("faktor", f)
        elif slip := digit_slip(low, high):
            cause, cause_text = slip, describe_cause(slip)
        values = {"values": amounts, "stored": stored, "difference": high - low}
        if cause:
            values["cause"] = cause
        tempat = "; ".join(
            f"{rp(int(p.nilai))} ({p.source().describe()})" for p in rows if p.field == "pagu" and p.nilai is not None
        )
        yield Hit(location=location, values=values,
                  params={"label": location.label, "tempat": tempat, "stored_rp": rp(stored),
                          "difference_rp": rp(high - low), "cause_text": cause_text})


@rule(
    "pagu.duplicate_name",
    severity=Severity.WARNING,
    title=_("Nama sama, pagu berbeda"),
    message=_("{jumlah} {level} bernama sama \"{nama}\" tercantum dengan pagu berbeda: {daftar}. Bila memang satu "
              "rincian, satukan; bila berbeda, perbaiki namanya."),
)
def pagu_duplicate_name(plan: PlanSnapshot) -> Iterator[Hit]:
    """Two programs, kegiatan or sub kegiatan of one plan whose names are the same — ignoring case, punctuation,
    labels such as "Sub Kegiatan :", numbering and spelling variants (Fasilitas/Fasilitasi, Bhineka/Bineka) — but
    whose pagu differ. Usually a row copied and not renamed (Bangka: the politik monitoring sub kegiatan appears
    again where the ormas one belongs) or the same item entered twice. Same name and same pagu is not reported.
    Values: `pagu` (each row's pagu, in plan order).
    """
    for level, rows in (("program", plan.program), ("kegiatan", plan.kegiatan),
                        ("subkegiatan", plan.sub_kegiatan)):
        groups: dict[str, list[AnggaranData]] = defaultdict(list)
        for row in rows:
            if key := normalize_name(row.nama):
                groups[key].append(row)
        for key, members in groups.items():
            amounts = [m.pagu for m in members]
            if len(members) < 2 or len({a for a in amounts if a is not None}) < 2:
                continue
            first = members[0]
            yield Hit(
                location=plan.anggaran_location(level, first, ("pagu", "nama")),
                values={"pagu": amounts},
                params={"jumlah": len(members), "level": LEVEL_NAMES[level], "nama": first.nama.strip(),
                        "daftar": ", ".join(rp(a) for a in amounts)},
                key=hashlib.sha256(key.encode()).hexdigest()[:16],
            )
