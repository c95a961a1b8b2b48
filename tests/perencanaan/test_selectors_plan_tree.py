"""plan_tree and edit_rights: the editor's data, and per-row edit flags that agree with the rules."""

from decimal import Decimal

import pytest

from renaksi.perencanaan import selectors
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, RencanaAksi, Sasaran, SubKegiatan, Target
from tests.factories import submit

PERSONAS = ["alice", "kabid", "bob", "kepala", "eve", "admin", "charlie", "dave"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_row_flags_agree_with_the_rules(world, rows, persona):
    """The editor decides per row without a query; the decision must be the rules' decision."""
    user = getattr(world, persona)
    plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=rows.plan.pk)
    tree = selectors.plan_tree(rencana_aksi=plan, rights=selectors.edit_rights(user=user, rencana_aksi=plan))
    for node in tree.nodes["aksi"].values():
        assert node.can_edit == user.has_perm("perencanaan.change_aksi", node.obj), (persona, node.obj)
    for node in tree.nodes["subkegiatan"].values():
        assert node.can_edit == user.has_perm("perencanaan.change_subkegiatan", node.obj)
        assert node.can_edit == user.has_perm("perencanaan.add_aksi", node.obj)
    for node in tree.nodes["indikator"].values():
        assert node.can_edit == user.has_perm("perencanaan.change_indikator", node.obj)
        assert node.can_edit_target == user.has_perm("perencanaan.change_target", Target(indikator=node.obj))
    for node in tree.nodes["sasaran"].values():
        assert node.can_edit == user.has_perm("perencanaan.change_sasaran", node.obj)
    assert tree.rights.plan == user.has_perm("perencanaan.change_program", tree.program[0].obj)


def test_a_plan_that_is_not_a_draft_gives_no_rights(world, rows):
    submit(rows.plan)
    for persona in PERSONAS:
        assert not selectors.edit_rights(user=getattr(world, persona), rencana_aksi=rows.plan).any


def test_without_rights_nothing_is_editable(rows):
    tree = selectors.plan_tree(rencana_aksi=rows.plan)
    assert not any(n.can_edit for kind in ("sasaran", "indikator", "subkegiatan", "aksi")
                   for n in tree.nodes[kind].values())


def test_the_tree(world, rows):
    child = svc.sasaran_create(rencana_aksi=rows.plan, uraian="Sasaran program", level=Sasaran.Level.PROGRAM,
                               parent=rows.sasaran)
    svc.sasaran_create(rencana_aksi=rows.plan, uraian="Sasaran kedua", nomor="2")
    sakip = svc.indikator_create(sasaran=child, nama="Nilai SAKIP", jenis_target=Indikator.JenisTarget.KATEGORI)
    svc.target_set(indikator=sakip, tahun=2024, triwulan=None, nilai=Decimal("67.34"), kategori="B")
    svc.target_set(indikator=rows.iku, tahun=2024, triwulan=2, nilai=Decimal("16.20"))
    svc.target_set(indikator=rows.iku, tahun=2023, triwulan=2, nilai=Decimal("99"))  # another year: not shown
    svc.anggaran_update(obj=rows.sub_politik, pagu=12_500_000)
    svc.aksi_update(aksi=rows.aksi_politik, pagu=4_000_000)

    tree = selectors.plan_tree(rencana_aksi=rows.plan)
    assert [(s.obj.uraian, s.depth) for s in tree.sasaran] == [
        (rows.sasaran.uraian, 0), ("Sasaran program", 1), ("Sasaran kedua", 0)]
    iku = tree.node("indikator", rows.iku.pk)
    assert [label for _tw, label in iku.labels] == ["80", "10", "16,20", "20", "30"]
    assert [label for _tw, label in tree.node("indikator", sakip.pk).labels] == ["B (67,34)", "", "", "", ""]
    kegiatan = tree.node("kegiatan", rows.kegiatan.pk)
    assert (kegiatan.rollup.pagu, kegiatan.rollup.jumlah, kegiatan.rollup.selisih) == (
        20_000_000, 22_500_000, 2_500_000)
    assert not kegiatan.rollup.cocok
    sub = tree.node("subkegiatan", rows.sub_politik.pk)
    assert (sub.rollup.jumlah, sub.rollup.selisih) == (4_000_000, -8_500_000)
    assert tree.node("subkegiatan", rows.sub_ideologi.pk).rollup.jumlah is None  # no aksi has a pagu
    assert tree.node("program", rows.program.pk).rollup.cocok
    assert tree.node("program", rows.program.pk).indikator == [rows.iku]
    assert (tree.total_program, tree.total_sub_kegiatan) == (20_000_000, 22_500_000)
    aksi = tree.node("aksi", rows.aksi_politik.pk)
    assert [m for m, on, _nama, _tw in aksi.jadwal if on] == [1, 2, 3]
    assert [tw for _m, _on, _nama, tw in aksi.jadwal] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert [s.obj.pk for s in kegiatan.sub_kegiatan] == [rows.sub_politik.pk, rows.sub_ideologi.pk]
    assert kegiatan.sub_kegiatan[0].first and kegiatan.sub_kegiatan[-1].last


def test_a_budget_without_pagu_has_no_sum(rows):
    SubKegiatan.objects.filter(rencana_aksi=rows.plan).update(pagu=None)
    tree = selectors.plan_tree(rencana_aksi=rows.plan)
    rollup = tree.node("kegiatan", rows.kegiatan.pk).rollup
    assert rollup.jumlah is None and rollup.selisih is None and rollup.cocok
