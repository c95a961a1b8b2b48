"""Open data of an approved plan (renaksi.laporan.opendata): the JSON holds every row of both seeds with the
document's figures, validates against docs/opendata/rencana-aksi.schema.json, the CSV bundle joins on its ids, and
the DCAT-AP JSON-LD is RDF that names both downloads.

Seed figures are those the seed tests read off the documents (tests/impor/test_seed_samarinda.py and
test_seed_bangka.py cite the lines)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator, FormatChecker

from renaksi.impor import api
from renaksi.laporan import opendata
from renaksi.monev import services as monev_svc
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
)
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_pd, make_plan, make_rich_plan
from tests.helpers import rolled_back

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "opendata" / "rencana-aksi.schema.json"
KINDS = {"sasaran": Sasaran, "indikator": Indikator, "program": Program, "kegiatan": Kegiatan,
         "sub_kegiatan": SubKegiatan, "aksi": Aksi}


def approve(plan: RencanaAksi) -> RencanaAksi:
    """The workflow is another engineer's: set the status directly, as tests/factories.submit() does."""
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    plan.refresh_from_db()
    return plan


def as_json(plan: RencanaAksi) -> dict:
    return json.loads(opendata.berkas(rencana_aksi=plan, format="json").isi, parse_float=Decimal)


def as_csv(plan: RencanaAksi) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(opendata.berkas(rencana_aksi=plan, format="csv").isi)) as z:
        return {name[:-4]: list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8"))))
                for name in z.namelist() if name.endswith(".csv")}


@pytest.fixture(scope="module")
def seeds(django_db_setup, django_db_blocker) -> dict[str, int]:
    """Both seeds imported once for this module and approved; rolled back at its end."""
    with rolled_back(django_db_blocker):
        ids = {}
        for key, seed in (("samarinda", SEED_SAMARINDA), ("bangka", SEED_BANGKA)):
            pd = make_pd("Badan Kesatuan Bangsa dan Politik", pemda=key.title(), singkatan="Kesbangpol")
            plan = api.import_document(api.parse_document(seed.read_bytes(), seed.name),
                                       perangkat_daerah=pd).rencana_aksi
            ids[key] = approve(plan).pk
        yield ids


@pytest.fixture
def samarinda(seeds) -> RencanaAksi:
    return RencanaAksi.objects.get(pk=seeds["samarinda"])


@pytest.fixture
def bangka(seeds) -> RencanaAksi:
    return RencanaAksi.objects.get(pk=seeds["bangka"])


# --- JSON: every row, the document's figures -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["samarinda", "bangka"])
def test_every_row_of_the_seed_is_in_the_json_with_its_database_id(seeds, seed):
    plan = RencanaAksi.objects.get(pk=seeds[seed])
    data = as_json(plan)
    for kind, model in KINDS.items():
        stored = list(model.objects.filter(rencana_aksi=plan).values_list("id", flat=True))
        assert stored or (seed, kind) == ("bangka", "aksi"), kind  # the Bangka matrix has no aksi
        assert sorted(r["id"] for r in data[kind]) == sorted(stored), kind
    for row in data["sub_kegiatan"]:
        assert row["pagu"] == SubKegiatan.objects.get(pk=row["id"]).pagu
    for row in data["aksi"]:
        aksi = Aksi.objects.get(pk=row["id"])
        assert (row["pagu"], row["target_teks"], row["sub_kegiatan_id"]) == (aksi.pagu, aksi.target_teks,
                                                                            aksi.sub_kegiatan_id)


def test_samarinda_pagu_and_targets_as_the_document_states_them(samarinda):
    data = as_json(samarinda)
    assert (data["rencana_aksi"]["tahun"], data["rencana_aksi"]["tanggal"]) == (2024, "2024-01-02")
    assert data["rencana_aksi"]["status"] == "disetujui"
    assert data["pemda"]["nama_lengkap"] == "Kota Samarinda"
    assert (len(data["sasaran"]), len(data["indikator"]), len(data["program"]), len(data["kegiatan"]),
            len(data["sub_kegiatan"]), len(data["aksi"])) == (2, 9, 5, 5, 15, 50)
    # Tabel 2.3 (lines 171–207): kegiatan pagu and the total 59.059.304.998; programs state none.
    assert [k["pagu"] for k in data["kegiatan"]] == [2_718_270_000, 53_943_679_550, 345_000_000, 1_283_500_000,
                                                     768_855_448]
    assert data["total_pagu"] == {"program": None, "kegiatan": 59_059_304_998, "sub_kegiatan": 59_059_304_998,
                                  "aksi": data["total_pagu"]["aksi"]}
    assert [p["pagu"] for p in data["program"]] == [None] * 5
    subs = data["sub_kegiatan"]
    assert subs[5]["nama"].startswith("Penyusunan Bahan Perumusan Kebijakan di Bidang Pendidikan Politik")
    assert subs[5]["pagu"] == 50_913_097_550
    assert subs[14]["nama"].startswith("Pelaksanaan Forum Koordinasi Pimpinan Daerah")
    assert subs[14]["pagu"] == 397_540_448
    assert (subs[0]["target_teks"], subs[0]["target_nilai"], subs[0]["target_satuan"]) == ("1200 Orang", 1200,
                                                                                          "Orang")
    # Tabel 2.4 (lines 223–227): yearly target and TW I–IV as numbers, with the text as written.
    first = next(i for i in data["indikator"] if "jumlah masyarakat yang sudah diberikan" in i["nama"])
    assert first["target"]["tahunan"] == {"nilai": Decimal("29.17"), "kategori": "", "teks": "29,17%", "desimal": 2}
    assert [t["nilai"] for t in first["target"]["triwulan"]] == [Decimal("1.56"), Decimal("1.64"), Decimal("12.98"),
                                                                 Decimal("12.99")]
    assert [t["teks"] for t in first["target"]["triwulan"]] == ["1,56%", "1,64%", "12,98%", "12,99%"]
    # Tabel 2.2 (lines 161–165): the PK's targets.
    [pk] = data["perjanjian_kinerja"]
    assert [b["target_teks"] for b in pk["butir"]] == ["29,17%", "100%", "15,85%", "40%", "20%"]
    assert pk["butir"][0]["target_nilai"] == Decimal("29.17")


def test_samarinda_officials_are_the_signers_with_their_nip(samarinda):
    data = as_json(samarinda)
    pejabat = {p["nip"]: p for p in data["pejabat"]}
    assert pejabat["197207101998031012"]["nama"] == "MIFTAHURRIZQA,SE"
    assert pejabat["197207101998031012"]["status"] == "plt"
    assert data["rencana_aksi"]["penandatangan_id"] == pejabat["196703191997021003"]["id"]  # SUCIPTO
    assert {b["kepala_id"] for b in data["bidang"]} <= {p["id"] for p in data["pejabat"]}


def test_bangka_program_and_sub_kegiatan_pagu(bangka):
    data = as_json(bangka)
    # Section A (lines 7–12): the programs' ANGGARAN as written.
    assert [p["pagu"] for p in data["program"]] == [1_030_000, 165_000_000, 125_000_000, 27_144_383_200,
                                                    20_000_000, 2_720_900_248]
    subs = data["sub_kegiatan"]
    # Section C (lines 28–55).
    assert subs[0]["nama"].startswith("Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan")
    assert subs[0]["pagu"] == 1_030_000_000
    assert {s["nama"]: s["pagu"] for s in subs}["Penyediaan Gaji dan Tunjangan ASN"] == 1_800_807_540
    kegiatan = {k["id"]: k for k in data["kegiatan"]}
    program = {p["id"]: p for p in data["program"]}
    [politik] = [s for s in subs if s["nama"].startswith("Pelaksanaan Kebijakan Di Bidang Pendidikan Politik")]
    assert politik["pagu"] == 26_944_383_200
    assert program[kegiatan[politik["kegiatan_id"]]["program_id"]]["pagu"] == 27_144_383_200


@pytest.mark.parametrize("seed", ["samarinda", "bangka"])
def test_json_validates_against_the_published_schema(seeds, seed):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = json.loads(opendata.berkas(rencana_aksi=RencanaAksi.objects.get(pk=seeds[seed]), format="json").isi)
    errors = [f"{list(e.path)}: {e.message}" for e in
              Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data)]
    assert errors == []


def test_awkward_values_keep_their_digits_and_emptiness(world):
    """Decimals as written (16.20, 1.500), a category target, '-' as a target, pagu None vs 0, realisasi with its
    capaian and predikat; and the file still validates."""
    plan = make_rich_plan(make_pd("Badan Kaya", pemda="Kaya"))
    monev_svc.jendela_buka(pemda=plan.perangkat_daerah.pemda, tahun=plan.tahun, triwulan=1)
    ipa = Indikator.objects.get(rencana_aksi=plan, nama="Indeks Profesionalitas ASN")
    monev_svc.realisasi_indikator_set(indikator=ipa, triwulan=1, nilai=Decimal("16.2"))
    sub = SubKegiatan.objects.get(rencana_aksi=plan, nama="Penyediaan Gaji dan Tunjangan ASN")
    monev_svc.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=450_201_885)
    approve(plan)
    raw = opendata.berkas(rencana_aksi=plan, format="json").isi.decode("utf-8")
    assert '"nilai": 16.20,' in raw and "16.199999" not in raw
    data = json.loads(raw, parse_float=Decimal)
    by_name = {i["nama"]: i for i in data["indikator"]}
    assert by_name["Hasil Evaluasi AKIP"]["target"]["tahunan"]["kategori"] == "B"
    assert by_name["Hasil Evaluasi AKIP"]["target"]["triwulan"][:3] == [None, None, None]
    temuan = by_name["Persentase temuan keuangan"]["target"]["triwulan"]
    assert temuan[2] == {"nilai": None, "kategori": "", "teks": "-", "desimal": 0}
    assert str(temuan[3]["nilai"]) == "1.500"
    assert [r for r in by_name["Indeks Profesionalitas ASN"]["realisasi"]] == [{
        "triwulan": 1, "nilai": Decimal("16.2"), "kategori": "", "capaian": Decimal("100.00"),
        "rumus": by_name["Indeks Profesionalitas ASN"]["realisasi"][0]["rumus"], "predikat": "sangat_tinggi"}]
    [gaji] = [s for s in data["sub_kegiatan"] if s["id"] == sub.pk]
    assert gaji["realisasi_anggaran"] == [{"triwulan": 1, "jumlah": 450_201_885, "serapan": Decimal("25.00")}]
    assert [k["pagu"] for k in data["kegiatan"]] == [None]
    assert sorted(s["pagu"] for s in data["sub_kegiatan"]) == [0, 1_800_807_540]
    assert data["aksi"][0]["bulan"] == list(range(1, 13)) and data["aksi"][0]["target_nilai"] == Decimal("12.5")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(json.loads(raw))) == []
    csvs = as_csv(plan)
    assert csvs["realisasi"] == [{"indikator_id": str(ipa.pk), "triwulan": "1", "nilai": "16.2", "kategori": "",
                                  "capaian": "100.00", "rumus": csvs["realisasi"][0]["rumus"],
                                  "predikat": "sangat_tinggi"}]
    assert csvs["realisasi_anggaran"][0]["jumlah"] == "450201885"


# --- CSV bundle --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["samarinda", "bangka"])
def test_csv_ids_join_and_match_the_json(seeds, seed):
    plan = RencanaAksi.objects.get(pk=seeds[seed])
    tables = as_csv(plan)
    with zipfile.ZipFile(io.BytesIO(opendata.berkas(rencana_aksi=plan, format="csv").isi)) as z:
        package = json.loads(z.read("datapackage.json"))
        assert "README.txt" in z.namelist()
    resources = {r["name"]: r for r in package["resources"]}
    assert set(tables) == {r["path"][:-4] for r in package["resources"]}
    checked = 0
    for res in package["resources"]:
        rows = tables[res["path"][:-4]]
        assert list(rows[0]) == [f["name"] for f in res["schema"]["fields"]] if rows else True
        for fk in res["schema"]["foreignKeys"]:
            target = tables[resources[fk["reference"]["resource"]]["path"][:-4]]
            ids = {r["id"] for r in target}
            for row in rows:
                if row[fk["fields"]]:
                    assert row[fk["fields"]] in ids, (res["name"], fk, row)
                    checked += 1
    assert checked > 100
    data = as_json(plan)
    for kind in KINDS:
        assert [int(r["id"]) for r in tables[kind]] == [r["id"] for r in data[kind]], kind
    assert [int(r["pagu"]) if r["pagu"] else None for r in tables["sub_kegiatan"]] == \
        [r["pagu"] for r in data["sub_kegiatan"]]
    # The joins a reader makes: every aksi reaches its program through the id columns.
    sub = {r["id"]: r for r in tables["sub_kegiatan"]}
    keg = {r["id"]: r for r in tables["kegiatan"]}
    prog = {r["id"] for r in tables["program"]}
    assert all(keg[sub[a["sub_kegiatan_id"]]["kegiatan_id"]]["program_id"] in prog for a in tables["aksi"])


def test_csv_numbers_have_a_dot_decimal_and_no_grouping(samarinda):
    tables = as_csv(samarinda)
    assert [r["pagu"] for r in tables["kegiatan"]] == ["2718270000", "53943679550", "345000000", "1283500000",
                                                       "768855448"]
    yearly = [r for r in tables["target"] if r["triwulan"] == ""]
    assert yearly[0]["nilai"] == "29.17" and yearly[0]["teks"] == "29,17%"
    for row in tables["target"]:
        assert "," not in row["nilai"]


# --- JSON-LD -----------------------------------------------------------------------------------------------------


def test_jsonld_is_dcat_ap_naming_both_distributions(samarinda):
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF

    berkas = opendata.berkas(rencana_aksi=samarinda, format="jsonld", base_url="https://renaksi.example.go.id/")
    assert berkas.content_type == "application/ld+json" and berkas.nama.endswith(".jsonld")
    g = Graph().parse(data=berkas.isi.decode("utf-8"), format="json-ld")
    [dataset] = list(g.subjects(RDF.type, DCAT.Dataset))
    assert g.value(dataset, DCTERMS.title) == Literal(
        "Rencana Aksi Badan Kesatuan Bangsa dan Politik Kota Samarinda Tahun 2024", lang="id")
    assert g.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    publisher = g.value(dataset, DCTERMS.publisher)
    assert str(g.value(publisher, Namespace("http://xmlns.com/foaf/0.1/").name)) == \
        "Badan Kesatuan Bangsa dan Politik Kota Samarinda"
    temporal = g.value(dataset, DCTERMS.temporal)
    assert str(g.value(temporal, DCAT.startDate)) == "2024-01-01"
    assert str(g.value(temporal, DCAT.endDate)) == "2024-12-31"
    assert str(g.value(dataset, DCTERMS.issued)) == "2024-01-02"
    assert Literal("SAKIP", lang="id") in set(g.objects(dataset, DCAT.keyword))
    media = {}
    for dist in g.objects(dataset, DCAT.distribution):
        url = str(g.value(dist, DCAT.downloadURL))
        assert url.startswith("https://renaksi.example.go.id/") and f"/{samarinda.pk}/" in url
        media[str(g.value(dist, DCAT.mediaType)).rsplit("/", 2)[-2:][1]] = url
    assert set(media) == {"json", "zip"}
    assert media["json"] == "https://renaksi.example.go.id" + opendata.url_unduh(samarinda, "json")
    assert media["zip"] == "https://renaksi.example.go.id" + opendata.url_unduh(samarinda, "csv")


# --- Only approved plans; a constant number of queries -----------------------------------------------------------


@pytest.mark.parametrize("status", [RencanaAksi.Status.DRAFT, RencanaAksi.Status.DIAJUKAN,
                                    RencanaAksi.Status.DIKEMBALIKAN])
def test_a_plan_not_approved_is_refused_with_an_indonesian_message(world, status):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=status)
    world.plan.refresh_from_db()
    for fmt in opendata.FORMATS:
        with pytest.raises(opendata.RencanaAksiBelumDisetujui, match="hanya diterbitkan untuk rencana aksi yang "
                                                                   "sudah disetujui") as refused:
            opendata.berkas(rencana_aksi=world.plan, format=fmt)
        assert isinstance(refused.value, ValueError)
        assert world.plan.get_status_display() in str(refused.value)


def test_locked_plan_is_published_and_an_unknown_format_refused(world):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.TERKUNCI)
    assert opendata.berkas(rencana_aksi=world.plan, format="json").content_type == "application/json"
    with pytest.raises(opendata.OpenDataError, match="Format data terbuka tidak dikenal: 'pdf'"):
        opendata.berkas(rencana_aksi=world.plan, format="pdf")


@pytest.mark.parametrize("fmt", opendata.FORMATS)
def test_constant_queries_at_two_plan_sizes(world, fmt):
    counts = []
    for n, pemda in ((2, "Kecil"), (12, "Besar")):
        plan = approve(make_plan(make_pd(pemda=pemda), n_sub_kegiatan=n, aksi_per_sub=3))
        with CaptureQueriesContext(connection) as queries:
            opendata.berkas(rencana_aksi=plan, format=fmt)
        counts.append(len(queries))
    assert counts[0] == counts[1] and counts[0] <= 22, counts


def test_every_csv_file_and_the_license_are_documented(world):
    readme = (SCHEMA.parent / "README.md").read_text(encoding="utf-8")
    for name in as_csv(approve(world.plan)):
        assert f"`{name}.csv`" in readme, f"docs/opendata/README.md does not describe {name}.csv"
    assert opendata.LISENSI_NAMA in readme and opendata.LISENSI in readme
    assert json.loads(SCHEMA.read_text(encoding="utf-8"))["$id"] == opendata.SKEMA_ID
