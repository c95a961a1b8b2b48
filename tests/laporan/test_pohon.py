"""Pohon kinerja: the tree derived from both imported seeds, its layout (no two boxes overlap), the SVG (well-formed,
escaped, no style attributes), the document blocks, and a constant number of queries for large plans."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import combinations

import pytest

from renaksi.impor import api
from renaksi.laporan import blok
from renaksi.laporan.pohon import LEBAR, Simpul, dokumen, pohon_kinerja, tata_letak
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import RencanaAksi, Sasaran, SubKegiatan
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_pd, make_plan
from tests.helpers import rolled_back

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def seed_plans(django_db_setup, django_db_blocker):
    """Both seeds imported once for this module (through the importer's API), rolled back afterwards."""
    with rolled_back(django_db_blocker):
        plans = {}
        for name, seed in (("samarinda", SEED_SAMARINDA), ("bangka", SEED_BANGKA)):
            pd = make_pd("Kesbangpol", pemda=f"Pohon {name}")
            plans[name] = api.import_document(api.parse_document(seed.read_bytes(), seed.name),
                                              perangkat_daerah=pd).rencana_aksi
        yield plans


def find(roots: list[Simpul], jenis: str, judul: str) -> Simpul:
    (node,) = [n for r in roots for n, _d in r.semua() if n.jenis == jenis and judul in n.judul]
    return node


def path_to(roots: list[Simpul], kunci: str) -> list[Simpul]:
    def walk(node, trail):
        trail = [*trail, node]
        if node.kunci == kunci:
            return trail
        for child in node.anak:
            if found := walk(child, trail):
                return found
        return None
    for r in roots:
        if found := walk(r, []):
            return found
    raise AssertionError(kunci)


def assert_every_sub_kegiatan_is_a_leaf_under_its_kegiatan(plan: RencanaAksi, roots: list[Simpul]) -> None:
    subs = list(SubKegiatan.objects.filter(rencana_aksi=plan).select_related("kegiatan__program"))
    assert subs
    for sub in subs:
        trail = path_to(roots, f"sub_kegiatan-{sub.pk}")
        leaf, kegiatan, program = trail[-1], trail[-2], trail[-3]
        assert leaf.anak == [] and leaf.pagu == sub.pagu
        assert kegiatan.kunci == f"kegiatan-{sub.kegiatan_id}" and kegiatan.pagu == sub.kegiatan.pagu
        assert program.kunci == f"program-{sub.kegiatan.program_id}"
        assert trail[0].jenis == "sasaran"


def assert_no_overlap(layout) -> None:
    for a, b in combinations(layout.kotak, 2):
        apart = (a.x + a.lebar <= b.x or b.x + b.lebar <= a.x or a.y + a.tinggi <= b.y or b.y + b.tinggi <= a.y)
        assert apart, (a.simpul.kunci, b.simpul.kunci)
    for box in layout.kotak:
        assert 0 <= box.x and box.x + box.lebar <= layout.lebar and box.y + box.tinggi <= layout.tinggi
        for child in box.anak:
            assert child.y > box.y + box.tinggi  # children below their parent
        if box.anak:  # a parent centred over its first and last child
            assert box.tengah == pytest.approx((box.anak[0].tengah + box.anak[-1].tengah) / 2)


def test_samarinda_seed(db, seed_plans):
    plan = seed_plans["samarinda"]
    p = pohon_kinerja(rencana_aksi=plan)
    # Both sasaran strategis of the document's BAB II are roots (seed 003, lines 134–136 and 172).
    assert [r.judul for r in p.akar] == [
        "1 Meningkatnya Penguatan dan Pemahaman Ideologi Pancasila sebagai Karakter Kebangsaan Bangsa, Politik, "
        "Sosial Budaya dan Keagamaan serta Penguatan Konflik Sosial",
        "2 Meningkatnya Kinerja dan Pelayanan SKPD"]
    assert all(r.jenis == "sasaran" and r.label == "SASARAN STRATEGIS" for r in p.akar)
    first = p.akar[0]
    assert first.indikator[0].target == "29,17%"  # as written in Tabel 2.3 (line 172)
    # Tabel 2.3 (lines 172–177): Pembentukan Paskibraka, Rp1.850.000.000, under the kegiatan of Rp2.718.270.000.
    leaf = find(p.akar, "sub_kegiatan", "Pembentukan Paskibraka")
    trail = path_to(p.akar, leaf.kunci)
    assert leaf.pagu == 1_850_000_000
    assert trail[-2].jenis == "kegiatan" and trail[-2].pagu == 2_718_270_000
    assert trail[-3].judul == "Program Penguatan Ideologi Pancasila Dan Karakter Kebangsaan"
    assert trail[0] is first
    assert len([n for n, _d in first.semua() if n.jenis == "program"]) == 5
    assert len([n for n, _d in first.semua() if n.jenis == "sub_kegiatan"]) == 15
    assert_every_sub_kegiatan_is_a_leaf_under_its_kegiatan(plan, p.akar)
    assert_no_overlap(p.tata_letak)


def test_bangka_seed(db, seed_plans):
    plan = seed_plans["bangka"]
    p = pohon_kinerja(rencana_aksi=plan)
    # Section A (seed 000, lines 7–12): three sasaran strategis.
    assert [r.judul for r in p.akar] == ["1 Menurunnya Potensi Konflik Sosial di Masyarakat",
                                         "2 Meningkatnya Kesadaran Politik dan Organisasi Kemasyarakatan",
                                         "3 Meningkatnya Akuntabilitas Kinerja Perangkat Daerah"]
    assert p.akar[2].indikator[0].target == "B (67,34)"  # line 12
    assert p.akar[0].indikator[0].target == "80%"  # line 7: 80, satuan Persen
    assert Sasaran.objects.filter(rencana_aksi=plan, level=Sasaran.Level.STRATEGIS).count() == 3
    # Line 12: Program Penunjang Urusan Pemerintahan Daerah, 2.720.900.248, under sasaran strategis 3.
    penunjang = find(p.akar, "program", "Program Penunjang Urusan Pemerintahan Daerah")
    assert penunjang.pagu == 2_720_900_248 and path_to(p.akar, penunjang.kunci)[0] is p.akar[2]
    # Line 51: Sub Kegiatan Pengadaan Mebel, 49.488.660, under the kegiatan Pengadaan Barang Milik Daerah (line 26),
    # carrying its sasaran sub kegiatan "Tersedianya Mebel" with "Jumlah Paket Mebel yang Disediakan", 1 paket.
    mebel = find(p.akar, "sub_kegiatan", "Pengadaan Mebel")
    assert mebel.pagu == 49_488_660
    kegiatan = path_to(p.akar, mebel.kunci)[-2]
    assert kegiatan.judul.startswith("Pengadaan Barang Milik Daerah Penunjang") and kegiatan.pagu == 163_634_450
    assert mebel.sasaran == ["6.6 Tersedianya Mebel"]
    assert [(i.nama, i.target) for i in mebel.indikator] == [("Jumlah Paket Mebel yang Disediakan",
                                                             "1 paket (30 unit)")]
    # The sasaran program of line 26 is carried by the program that funds it (through its kegiatan).
    assert "6.4 Meningkatnya Ketersediaan dan Kualitas Sarana dan Prasarana Perangkat Daerah" in penunjang.sasaran
    # Every sasaran of the plan is shown somewhere: as a root, in a budget box or as a box of its own.
    shown = {s for r in p.akar for n, _d in r.semua() for s in ([n.judul] if n.jenis == "sasaran" else n.sasaran)}
    for s in Sasaran.objects.filter(rencana_aksi=plan):
        assert f"{s.nomor} {s.uraian}".strip() in shown
    assert_every_sub_kegiatan_is_a_leaf_under_its_kegiatan(plan, p.akar)
    assert_no_overlap(p.tata_letak)


@pytest.mark.parametrize("seed", ["samarinda", "bangka"])
def test_svg_is_well_formed_and_has_every_box(db, seed_plans, seed):
    p = pohon_kinerja(rencana_aksi=seed_plans[seed])
    root = ET.fromstring(p.svg)
    assert root.tag == f"{SVG}svg"
    groups = [g for g in root.iter(f"{SVG}g") if "simpul" in g.get("class", "").split()]
    assert len(groups) == len(p.tata_letak.kotak)
    assert all(el.get("style") is None for el in root.iter())  # the page's CSP allows no style attributes
    assert float(root.get("width")) == pytest.approx(p.tata_letak.lebar)


def test_names_are_escaped(world):
    plan = world.plan
    sasaran = Sasaran.objects.get(rencana_aksi=plan)
    svc.sasaran_update(sasaran=sasaran, uraian='Naik <script>alert("x")</script> & "turun"')
    p = pohon_kinerja(rencana_aksi=RencanaAksi.objects.get(pk=plan.pk))
    root = ET.fromstring(p.svg)  # would fail on a raw "<" or "&"
    text = " ".join(t for t in root.itertext())
    assert 'Naik <script>alert("x")</script> & "turun"' in text
    assert "<script>" not in p.svg and "&lt;script&gt;" in p.svg and "&amp;" in p.svg


def test_document_blocks(world):
    doc = dokumen(rencana_aksi=world.plan)
    (bagian,) = doc.bagian
    assert (bagian.ukuran, bagian.orientasi) == ("A3", "lanskap")
    (gambar,) = [b for b in bagian.blok if isinstance(b, blok.Gambar)]
    assert gambar.svg.startswith("<svg") and gambar.alt
    rows = [[c.nilai for c in r.sel] for r in gambar.cadangan.baris]
    indent = "\u00a0" * 4
    assert rows == [
        ["Sasaran Strategis", "1 Meningkatnya partisipasi politik masyarakat", "Persentase partisipasi pemilih",
         "80%", None],
        ["Program", indent + "8.01.03 Program Peningkatan Peran Partai Politik", None, None, 20_000_000],
        ["Kegiatan", indent * 2 + "8.01.03.2.01 Perumusan Kebijakan Teknis Bidang Politik", None, None, 20_000_000],
        ["Sub Kegiatan", indent * 3 + "Sub kegiatan uji 1", None, None, 10_000_000],
        ["Sub Kegiatan", indent * 3 + "Sub kegiatan uji 2", None, None, 10_000_000],
    ]
    assert doc.draf and doc.nama_berkas.startswith("pohon-kinerja-")


def test_a_plan_without_sasaran_still_draws(world):
    plan = svc.rencana_aksi_create(perangkat_daerah=world.other_pd, tahun=2025)
    p = pohon_kinerja(rencana_aksi=plan)
    assert p.akar == [] and ET.fromstring(p.svg) is not None


def test_layout_of_a_wide_and_deep_tree():
    def node(k: str, children=()) -> Simpul:
        return Simpul(jenis="program", label="PROGRAM", judul="x " * 80 + k, kunci=k, anak=list(children))
    roots = [node("a", [node("b", [node("c"), node("d"), node("e")]), node("f")]), node("g", [node("h")]),
             node("i", [node("j", [node("k", [node(f"l{n}") for n in range(7)])])])]
    assert_no_overlap(tata_letak(roots))


@pytest.mark.parametrize("n_sub", [5, 200])
def test_large_plan_draws_in_constant_queries(world, n_sub, django_assert_max_num_queries):
    plan = make_plan(world.other_pd, n_sub_kegiatan=n_sub, aksi_per_sub=5)  # 1.000 aksi at 200
    plan = RencanaAksi.objects.get(pk=plan.pk)
    with django_assert_max_num_queries(12):  # the plan with its PD, then plan_data's 11
        p = pohon_kinerja(rencana_aksi=plan)
    assert len(p.tata_letak.kotak) == 3 + n_sub
    assert ET.fromstring(p.svg) is not None
    assert p.tata_letak.lebar >= n_sub * LEBAR  # the drawing grows wide, the boxes keep their size


@pytest.mark.parametrize(
    ("teks", "satuan", "expected"),
    [
        ("12", "dokumen", "12 dokumen"),
        ("12 dokumen", "dokumen", "12 dokumen"),  # the unit written in the target is not doubled
        ("12 Dokumen", "dokumen", "12 Dokumen"),
        ("29,17", "persen", "29,17%"),
        ("29,17%", "%", "29,17%"),
        ("100", "", "100"),
    ],
)
def test_a_box_shows_the_target_with_its_unit_once(teks, satuan, expected):
    from renaksi.laporan.pohon import _target_teks
    from renaksi.perencanaan.models import Indikator, Target

    assert _target_teks(Target(teks=teks), Indikator(satuan=satuan)) == expected
