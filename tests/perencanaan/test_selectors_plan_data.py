"""plan_data: the one reader of a whole plan — its content, its order, and a number of queries that does not grow."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renaksi.organisasi import services as org
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import PerjanjianKinerja, RencanaAksi, Sasaran
from renaksi.perencanaan.selectors import plan_data, plan_totals
from tests.factories import make_plan


def _full_plan(world, *, n_sub_kegiatan: int, tahun: int):
    """make_plan, plus what it lacks: a child sasaran, a PK with items, an empty PK, another PD's official
    named as pihak kedua, kegiatan/sub kegiatan links and provenance rows."""
    plan = make_plan(world.pd, tahun=tahun, n_sub_kegiatan=n_sub_kegiatan, bidang=[world.bidang_politik])
    data = plan_data(rencana_aksi=plan)
    parent, iku = data.sasaran[0], data.indikator[0]
    child = svc.sasaran_create(rencana_aksi=plan, uraian="Sasaran program", level=Sasaran.Level.PROGRAM,
                               parent=parent, nomor="1.1")
    svc.indikator_create(sasaran=child, nama="Indikator program", satuan="Dokumen")
    walikota = org.pejabat_create(perangkat_daerah=world.other_pd, nama="WALI KOTA", jabatan="Wali Kota")
    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=world.pd.kepala, pihak_kedua=walikota)
    for n in range(n_sub_kegiatan):
        svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=iku, nomor=str(n + 1),
                                           target_nilai=Decimal("80.5"), target_teks="80,5")
    svc.perjanjian_kinerja_create(rencana_aksi=plan, jenis=PerjanjianKinerja.Jenis.PERUBAHAN)
    for sub in data.sub_kegiatan:
        svc.anggaran_update(obj=sub, indikator=[iku])
        svc.provenance_record(obj=sub, rencana_aksi=plan, field="pagu", teks="10.000.000", dokumen="ra.docx",
                              nilai=sub.pagu, baris=sub.urutan)
    return plan


@pytest.mark.parametrize("n_sub_kegiatan", [3, 30])
def test_reads_a_plan_of_any_size_with_the_same_queries(world, n_sub_kegiatan):
    plan = _full_plan(world, n_sub_kegiatan=n_sub_kegiatan, tahun=2030 + n_sub_kegiatan)
    plan = RencanaAksi.objects.get(pk=plan.pk)
    with CaptureQueriesContext(connection) as without:
        data = plan_data(rencana_aksi=plan)
    with CaptureQueriesContext(connection) as with_provenance:
        full = plan_data(rencana_aksi=plan, provenance=True)
    assert len(without) == 11 and len(with_provenance) == 12
    # Nothing a consumer reads afterwards goes back to the database.
    with CaptureQueriesContext(connection) as after:
        assert len(data.sub_kegiatan) == n_sub_kegiatan and len(data.aksi) == 2 * n_sub_kegiatan
        assert all(data.bulan_of(a.pk) == {1, 2, 3 + int(a.nomor) - 1} for a in data.aksi)
        assert all(data.linked_indikator("sub_kegiatan", s.pk) == [data.indikator[0]] for s in data.sub_kegiatan)
        assert [len(pk.items) for pk in data.perjanjian_kinerja] == [n_sub_kegiatan, 0]
        assert data.perjanjian_kinerja[0].pihak_kedua.nama == "WALI KOTA"
        assert data.bidang[0].kepala.nama.startswith("MUNAWAROH")
        assert [p.field for p in full.provenance] == ["pagu"] * n_sub_kegiatan
        assert {p.content_type.model for p in full.provenance} == {"subkegiatan"}
    assert len(after) == 0
    assert data.provenance is None


def test_officials_come_with_their_bidang_and_bidang_with_their_kepala(world):
    """Both are set from each other's read (decision 0025); the bidang of another PD's official the plan names is
    read in one more query. Nothing is read afterwards."""
    plan = make_plan(world.pd, tahun=2040, n_sub_kegiatan=1, bidang=[world.bidang_politik])
    bidang_lain = org.bidang_get_or_create(perangkat_daerah=world.other_pd, nama="Bidang Lain")
    tamu = org.pejabat_create(perangkat_daerah=world.other_pd, nama="TAMU", jabatan="Kepala Bidang Lain",
                              bidang=bidang_lain)
    svc.perjanjian_kinerja_create(rencana_aksi=plan, pihak_pertama=world.pd.kepala, pihak_kedua=tamu)
    staf = org.pejabat_create(perangkat_daerah=world.pd, nama="STAF", jabatan="Staf", bidang=world.bidang_politik)
    plan = RencanaAksi.objects.get(pk=plan.pk)
    with CaptureQueriesContext(connection) as reads:
        data = plan_data(rencana_aksi=plan)
    assert len(reads) == 12  # the 11 of any plan, and the other PD's bidang
    with CaptureQueriesContext(connection) as after:
        assert data.pejabat_by_id[tamu.pk].bidang.nama == "Bidang Lain"
        assert tamu.pk not in {p.pk for p in data.pejabat}
        assert data.pejabat_by_id[staf.pk].bidang is data.by_id["bidang"][world.bidang_politik.pk]
        kepala = [b.kepala for b in data.bidang if b.kepala_id]
        assert kepala and all(data.pejabat_by_id[k.pk] is k for k in kepala)
    assert len(after) == 0


def test_rows_come_in_document_order_with_their_targets_and_totals(world):
    plan = _full_plan(world, n_sub_kegiatan=3, tahun=2040)
    data = plan_data(rencana_aksi=plan)
    strategis, program_level = data.sasaran
    assert data.sasaran_roots() == [strategis] and data.sasaran_children(strategis.pk) == [program_level]
    assert [i.nama for i in data.indikator_by_sasaran_order()] == ["Persentase partisipasi pemilih",
                                                                  "Indikator program"]
    iku = data.indikator_of(strategis.pk)[0]
    assert data.target(iku.pk).nilai == Decimal(80)
    assert [t.nilai for t in data.triwulan_targets(iku.pk)] == [10, 20, 20, 30]
    assert data.triwulan_targets(data.indikator_of(program_level.pk)[0].pk) == [None] * 4
    (program,) = data.program
    (kegiatan,) = data.kegiatan_of(program.pk)
    assert [s.nama for s in data.sub_kegiatan_of(kegiatan.pk)] == [f"Sub kegiatan uji {i}" for i in (1, 2, 3)]
    assert [a.nomor for a in data.aksi_of(data.sub_kegiatan[0].pk)] == ["1", "2"]
    assert data.linked_indikator("program", program.pk) == [iku]
    assert data.pagu_program == data.pagu_kegiatan == data.pagu_sub_kegiatan == 30_000_000
    assert data.sub_kegiatan_by_id[data.sub_kegiatan[1].pk].nama == "Sub kegiatan uji 2"


def test_a_plan_without_budget_totals_none_not_zero(world):
    plan = svc.rencana_aksi_create(perangkat_daerah=world.pd, tahun=2041)
    data = plan_data(rencana_aksi=plan)
    assert data.pagu_program is None and data.program == () and data.perjanjian_kinerja == ()
    assert data.pejabat == tuple(world.pd.pejabat.order_by("nama", "id"))


def test_plan_totals_sum_the_stated_pagu_and_count_the_rows(world):
    plan = _full_plan(world, n_sub_kegiatan=3, tahun=2042)
    with CaptureQueriesContext(connection) as queries:
        totals = plan_totals(rencana_aksi_id=plan.pk)
    assert len(queries) == 1
    assert totals == {"total_program": 30_000_000, "total_kegiatan": 30_000_000, "total_sub_kegiatan": 30_000_000,
                      "jumlah_indikator": 2, "jumlah_sub_kegiatan": 3, "jumlah_aksi": 6}
    assert all(type(v) is int for v in totals.values())  # rupiah as int on PostgreSQL too (it sums as numeric)


def test_plan_totals_of_an_empty_plan_no_pagu_and_zero_rows(world):
    # the header showed "None" aksi for a plan without aksi
    plan = svc.rencana_aksi_create(perangkat_daerah=world.pd, tahun=2043)
    assert plan_totals(rencana_aksi_id=plan.pk) == {
        "total_program": None, "total_kegiatan": None, "total_sub_kegiatan": None,
        "jumlah_indikator": 0, "jumlah_sub_kegiatan": 0, "jumlah_aksi": 0}


def _plan_of_parts(world):
    """Two sasaran (each an indikator with targets), two programs, the first with two kegiatan, and aksi with
    decimal targets: every part has neighbours it must leave out."""
    plan = make_plan(world.pd, tahun=2041, n_sub_kegiatan=2, bidang=[world.bidang_politik])
    program = plan_data(rencana_aksi=plan).program[0]
    sasaran = svc.sasaran_create(rencana_aksi=plan, uraian="Sasaran kedua", level=Sasaran.Level.STRATEGIS, nomor="2")
    kedua = svc.indikator_create(sasaran=sasaran, nama="Indikator kedua", satuan="Persen")
    svc.target_set(indikator=kedua, tahun=2041, triwulan=None, nilai=Decimal("33.33"))
    svc.target_set(indikator=kedua, tahun=2041, triwulan=2, nilai=Decimal("12.5"))
    lain = svc.program_create(rencana_aksi=plan, nama="Program lain", kode="8.01.04", pagu=5)
    for induk in (program, lain):
        kegiatan = svc.kegiatan_create(program=induk, nama=f"Kegiatan lain {induk.pk}", pagu=5)
        sub = svc.sub_kegiatan_create(kegiatan=kegiatan, nama=f"Sub lain {induk.pk}", pagu=5)
        svc.aksi_create(sub_kegiatan=sub, uraian="Aksi bertarget", target_nilai=Decimal("2.50"),
                        target_satuan="dokumen", bulan=[4])
    return plan


@pytest.mark.parametrize("jenis", ["sasaran", "program", "kepala_program", "kegiatan", "sub_kegiatan"])
def test_a_part_reads_its_rows_as_the_whole_plan_has_them(world, jenis):
    """A part (an editor or monev section, read by hand-written SQL) holds the rows the whole plan (read through
    the ORM) has in that part, in the same order, with the same values: no neighbour's, none missing."""
    plan = _plan_of_parts(world)
    whole = plan_data(rencana_aksi=plan)
    kegiatan = whole.kegiatan[0]
    sub = whole.sub_kegiatan[-1]
    pk = {"sasaran": whole.sasaran[-1].pk, "program": kegiatan.program_id, "kepala_program": kegiatan.program_id,
          "kegiatan": kegiatan.pk, "sub_kegiatan": sub.pk}[jenis]
    part = plan_data(rencana_aksi=plan, bagian=(jenis, pk))

    if jenis == "sasaran":
        expected = {"sasaran": whole.sasaran, "indikator": [i for i in whole.indikator if i.sasaran_id == pk],
                    "program": [], "kegiatan": [], "sub_kegiatan": []}
    elif jenis == "sub_kegiatan":
        expected = {"program": [p for p in whole.program if p.pk == whole.kegiatan_by_id[sub.kegiatan_id].program_id],
                    "kegiatan": [k for k in whole.kegiatan if k.pk == sub.kegiatan_id], "sub_kegiatan": [sub]}
    else:
        program_id = kegiatan.program_id
        kegiatan_ids = ({kegiatan.pk} if jenis == "kegiatan" else
                        {k.pk for k in whole.kegiatan if k.program_id == program_id})
        expected = {"program": whole.program, "kegiatan": [k for k in whole.kegiatan if k.program_id == program_id],
                    "sub_kegiatan": [s for s in whole.sub_kegiatan if s.kegiatan_id in kegiatan_ids]}
    sub_ids = {s.pk for s in expected["sub_kegiatan"]}
    expected["aksi"] = [] if jenis == "kepala_program" else [a for a in whole.aksi if a.sub_kegiatan_id in sub_ids]
    assert expected["aksi"] or jenis in ("sasaran", "kepala_program")
    for kind in ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan"):
        if kind in expected:
            assert [(type(r), r.pk) for r in getattr(part, kind)] == [(type(r), r.pk) for r in expected[kind]], kind
    def fields(rows):
        return [{k: v for k, v in vars(r).items() if k != "_state"} for r in rows]
    assert fields(part.program + part.kegiatan + part.sub_kegiatan) == \
        fields([*expected["program"], *expected["kegiatan"], *expected["sub_kegiatan"]])
    # the aksi as plain rows, each value as the ORM gives it (a decimal target a Decimal of the field's places)
    assert [tuple(map(repr, a)) for a in part.aksi] == [tuple(repr(getattr(w, f)) for f in a._fields)
                                                        for a, w in zip(part.aksi, expected["aksi"], strict=True)]
    if jenis == "program":  # its second kegiatan's aksi has a decimal target
        assert any(isinstance(a.target_nilai, Decimal) for a in part.aksi)
    assert {a.pk: part.bulan_of(a.pk) for a in part.aksi} == {a.pk: whole.bulan_of(a.pk) for a in expected["aksi"]}
    if jenis == "sasaran":
        ids = {i.pk for i in expected["indikator"]}
        assert part.targets == {i: t for i, t in whole.targets.items() if i in ids} and part.targets
        assert {tw: t.nilai for tw, t in part.targets[part.indikator[0].pk].items()} == {
            None: Decimal("33.33"), 2: Decimal("12.5")}
    else:
        assert part.targets == {} and part.sasaran == ()


def test_the_plan_with_its_pd_and_pemda_is_what_select_related_reads(world):
    """The editor reads its plan with PD and Pemda in one hand-written query: the same values, converted as the
    ORM converts them (its date), the relations set (no query after it); None for a plan that is not there."""
    from renaksi.perencanaan.selectors import rencana_aksi_dengan_pd

    RencanaAksi.objects.filter(pk=world.plan.pk).update(tempat="Kota Contoh", tanggal="2024-01-11")
    orm = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=world.plan.pk)
    with CaptureQueriesContext(connection) as queries:
        plan = rencana_aksi_dengan_pd(pk=world.plan.pk)
        pd, pemda = plan.perangkat_daerah, plan.perangkat_daerah.pemda
    assert len(queries) == 1

    def fields(obj):
        return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    assert (fields(plan), fields(pd), fields(pemda)) == (fields(orm), fields(orm.perangkat_daerah),
                                                         fields(orm.perangkat_daerah.pemda))
    assert repr(plan.tanggal) == "datetime.date(2024, 1, 11)" and not plan._state.adding
    assert rencana_aksi_dengan_pd(pk=world.plan.pk + 1000) is None
