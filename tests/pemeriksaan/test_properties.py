"""Property tests: a generated consistent plan gives no error and no warning.

A plan is drawn as a spec — programs → kegiatan → sub kegiatan with a pagu split exactly across them, indicators
whose quarterly targets are generated under a random accumulation type with the decimals they carry, aksi
numbered 1..n with schedule, output and PJ, PK targets equal to the yearly ones — then built twice: as an
in-memory snapshot (many examples, pure) and through the services into the database (a few examples, to cover
the selector and the decimals as stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from renaksi.core.angka import format_angka
from renaksi.pemeriksaan.api import check_plan, check_snapshot
from renaksi.pemeriksaan.aturan.target import NumericSeries, odd_quarter
from renaksi.pemeriksaan.snapshot import (
    AksiData,
    AnggaranData,
    IndikatorData,
    PKItemData,
    PlanSnapshot,
    SasaranData,
    TargetData,
)
from renaksi.perencanaan import services as svc
from tests.factories import empty_plan, make_pd
from tests.helpers import examples


@dataclass
class Series:
    akumulasi: str
    tahunan: Decimal
    triwulan: list[Decimal]
    satuan: str = "Persen"


def _amount(draw, places: int, high: int = 100_000) -> Decimal:
    return Decimal(draw(st.integers(0, high))).scaleb(-places)


@st.composite
def series(draw) -> Series:
    """Quarterly targets under one accumulation type, written with 0–2 decimals, and the yearly target they imply."""
    kind = draw(st.sampled_from(["kumulatif", "kumulatif_rata", "nilai_akhir", "rata_rata", "tetap", "hitungan"]))
    places = draw(st.integers(0, 2))
    if kind == "hitungan":  # a count of people: whole numbers, exact
        akumulasi = draw(st.sampled_from(["kumulatif", "nilai_akhir", "tetap"]))
        quarters = [Decimal(draw(st.integers(0, 500))) for _ in range(4)]
        if akumulasi == "kumulatif":
            return Series(akumulasi, sum(quarters, Decimal(0)), quarters, "orang")
        if akumulasi == "nilai_akhir":
            quarters.sort()
            return Series(akumulasi, quarters[-1], quarters, "orang")
        return Series(akumulasi, quarters[0], [quarters[0]] * 4, "orang")
    unit = Decimal(1).scaleb(-places)
    if kind == "kumulatif":
        quarters = [_amount(draw, places) for _ in range(4)]
        return Series("kumulatif", sum(quarters, Decimal(0)).quantize(unit), quarters)
    if kind == "kumulatif_rata":  # a yearly target split evenly and rounded: 64.78 → 4 × 16.20
        year = _amount(draw, places)
        if places == 0:  # whole numbers are exact: a whole yearly target splits only into whole quarters
            year -= year % 4
        return Series("kumulatif", year, [(year / 4).quantize(unit, ROUND_HALF_UP)] * 4)
    if kind == "nilai_akhir":  # cumulative to date: never decreasing
        quarters = sorted(_amount(draw, places) for _ in range(4))
        return Series("nilai_akhir", quarters[-1], quarters)
    if kind == "rata_rata":
        quarters = [_amount(draw, places) for _ in range(4)]
        if places == 0:  # whole numbers are exact: make the mean whole
            quarters[-1] -= sum(quarters, Decimal(0)) % 4
        return Series("rata_rata", (sum(quarters, Decimal(0)) / 4).quantize(unit, ROUND_HALF_UP), quarters)
    year = _amount(draw, places)
    return Series("tetap", year, [year] * 4)


def _split(draw, total: int, parts: int) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


@dataclass
class Spec:
    indikator: list[Series]
    program: list[tuple[int, list[tuple[int, list[tuple[int, int]]]]]]  # pagu, [(pagu, [(pagu, n_aksi)])]


@st.composite
def plans(draw) -> Spec:
    program = []
    for _ in range(draw(st.integers(1, 3))):
        total = draw(st.integers(0, 10**11))
        kegiatan = []
        for k_pagu in _split(draw, total, draw(st.integers(1, 3))):
            subs = [(s, draw(st.integers(1, 4))) for s in _split(draw, k_pagu, draw(st.integers(1, 4)))]
            kegiatan.append((k_pagu, subs))
        program.append((total, kegiatan))
    return Spec(indikator=draw(st.lists(series(), min_size=1, max_size=6)), program=program)


def _snapshot(spec: Spec) -> PlanSnapshot:
    ids = iter(range(1, 10_000))
    sasaran, indikator, pk = [], [], []
    for n, s in enumerate(spec.indikator):
        sas = SasaranData(next(ids), f"Meningkatnya kinerja {n}")
        sasaran.append(sas)
        year = TargetData(next(ids), None, s.tahunan, teks=format_angka(s.tahunan))
        quarters = {tw: TargetData(next(ids), tw, q, teks=format_angka(q)) for tw, q in enumerate(s.triwulan, 1)}
        ind = IndikatorData(next(ids), sas.id, f"Persentase kinerja {n}", satuan=s.satuan, akumulasi=s.akumulasi,
                            tahunan=year, triwulan=quarters)
        indikator.append(ind)
        pk.append(PKItemData(next(ids), 1, "murni", str(n + 1), ind.id, s.tahunan, "", format_angka(s.tahunan)))
    program, kegiatan, sub_kegiatan, aksi = [], [], [], []
    for p_n, (p_pagu, kegiatan_spec) in enumerate(spec.program):
        p = AnggaranData(next(ids), f"Program {p_n}", pagu=p_pagu)
        program.append(p)
        for k_n, (k_pagu, subs) in enumerate(kegiatan_spec):
            k = AnggaranData(next(ids), f"Kegiatan {p_n}.{k_n}", pagu=k_pagu, parent_id=p.id)
            kegiatan.append(k)
            for s_n, (s_pagu, n_aksi) in enumerate(subs):
                sub = AnggaranData(next(ids), f"Sub kegiatan {p_n}.{k_n}.{s_n}", pagu=s_pagu, parent_id=k.id)
                sub_kegiatan.append(sub)
                aksi += [AksiData(next(ids), sub.id, f"Aksi {a + 1}", str(a + 1), "Laporan", "Kepala Bidang",
                                  bulan=(1 + a % 12,)) for a in range(n_aksi)]
    return PlanSnapshot(id=1, tahun=2024, label="Rencana Aksi Uji 2024", sasaran=tuple(sasaran),
                        indikator=tuple(indikator), program=tuple(program), kegiatan=tuple(kegiatan),
                        sub_kegiatan=tuple(sub_kegiatan), aksi=tuple(aksi), pk_items=tuple(pk))


def _serious(findings):
    return [(f.rule, f.message) for f in findings if f.severity in ("error", "warning")]


@given(plans())
def test_a_generated_consistent_plan_has_no_error_and_no_warning(spec):
    assert _serious(check_snapshot(_snapshot(spec))) == []


@given(series())
def test_generated_series_reconcile_under_their_own_type_and_are_never_broken(s):
    series = NumericSeries(s.tahunan, s.triwulan)
    assert series.reconciles(s.akumulasi)
    assert s.akumulasi in series.fits()
    assert odd_quarter(series) is None


@given(st.integers(1, 10**12), st.sampled_from([1000, 1_000_000]))
def test_a_parent_off_by_a_unit_factor_is_always_an_error_naming_the_factor(pagu, factor):
    spec = Spec(indikator=[Series("tetap", Decimal(1), [Decimal(1)] * 4)], program=[(pagu, [(pagu, [(pagu, 1)])])])
    snapshot = _snapshot(spec)
    wrong = AnggaranData(snapshot.kegiatan[0].id, snapshot.kegiatan[0].nama, pagu=pagu * factor,
                         parent_id=snapshot.kegiatan[0].parent_id)
    program = AnggaranData(snapshot.program[0].id, "Program 0", pagu=pagu * factor)
    from dataclasses import replace

    found = [f for f in check_snapshot(replace(snapshot, kegiatan=(wrong,), program=(program,)))
             if f.rule == "pagu.rollup_mismatch"]
    assert [(f.location.object_type, f.values["factor"]) for f in found] == [("kegiatan", factor)]


class TestGeneratedPlansInTheDatabase(TestCase):
    """The same property through the services and the selector: decimals survive storage (16.20 stays 2 places)."""

    @settings(max_examples=examples(0.04), suppress_health_check=[HealthCheck.too_slow])
    @given(plans())
    def test_no_error_and_no_warning(self, spec):
        plan = empty_plan(make_pd())
        pk_doc = svc.perjanjian_kinerja_create(rencana_aksi=plan)
        for n, s in enumerate(spec.indikator):
            sasaran = svc.sasaran_create(rencana_aksi=plan, uraian=f"Meningkatnya kinerja {n}")
            ind = svc.indikator_create(sasaran=sasaran, nama=f"Persentase kinerja {n}", satuan=s.satuan,
                                       akumulasi=s.akumulasi)
            svc.target_set(indikator=ind, tahun=plan.tahun, triwulan=None, nilai=s.tahunan)
            for tw, q in enumerate(s.triwulan, start=1):
                svc.target_set(indikator=ind, tahun=plan.tahun, triwulan=tw, nilai=q)
            svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk_doc, indikator=ind, target_nilai=s.tahunan,
                                               target_teks=format_angka(s.tahunan))
        for p_n, (p_pagu, kegiatan_spec) in enumerate(spec.program):
            p = svc.program_create(rencana_aksi=plan, nama=f"Program {p_n}", pagu=p_pagu)
            for k_n, (k_pagu, subs) in enumerate(kegiatan_spec):
                k = svc.kegiatan_create(program=p, nama=f"Kegiatan {p_n}.{k_n}", pagu=k_pagu)
                for s_n, (s_pagu, n_aksi) in enumerate(subs):
                    sub = svc.sub_kegiatan_create(kegiatan=k, nama=f"Sub kegiatan {p_n}.{k_n}.{s_n}", pagu=s_pagu)
                    for a in range(n_aksi):
                        svc.aksi_create(sub_kegiatan=sub, uraian=f"Aksi {a + 1}", nomor=str(a + 1),
                                        keluaran="Laporan", penanggung_jawab="Kepala Bidang", bulan=[1 + a % 12])
        assert _serious(check_plan(plan)) == []
