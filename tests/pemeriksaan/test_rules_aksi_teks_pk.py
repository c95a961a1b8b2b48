"""Rules on aksi, texts and the PK (the realisasi rules: test_rules_realisasi.py)."""


import pytest

from renaksi.organisasi import services as org
from renaksi.pemeriksaan.findings import Severity
from renaksi.perencanaan import services as svc
from tests.factories import budget, empty_plan, indikator, sasaran
from tests.helpers import D, findings, one

pytestmark = pytest.mark.django_db


def _aksi(sub, nomor="1", **kw):
    defaults = {"uraian": f"Aksi {nomor}", "keluaran": "Laporan", "penanggung_jawab": "Kepala Bidang",
                "bulan": [1]}
    return svc.aksi_create(sub_kegiatan=sub, nomor=nomor, **{**defaults, **kw})


def test_sub_kegiatan_with_pagu_and_no_aksi_is_a_warning():
    # Samarinda: the ormas monitoring sub kegiatan (125,000,000) has no bidang page, so no aksi.
    plan = empty_plan()
    _, _, (with_aksi, without) = budget(plan, None, None, [100, 125_000_000], with_aksi=False)
    _aksi(with_aksi)
    f = one(plan, "subkegiatan.without_aksi")
    assert f.severity == Severity.WARNING
    assert (f.location.object_type, f.location.object_id) == ("subkegiatan", without.pk)
    assert f.values == {"pagu": 125_000_000}
    _aksi(without)
    assert findings(plan, "subkegiatan.without_aksi") == []


def test_a_plan_without_any_aksi_is_reported_once():
    # Bangka: a target matrix, no aksi at all.
    plan = empty_plan()
    budget(plan, None, None, [100, 200, None, 0], with_aksi=False)
    f = one(plan, "subkegiatan.without_aksi")
    assert f.location.object_type == "rencanaaksi"
    assert f.values == {"sub_kegiatan": 2, "pagu": 300}


def test_aksi_without_schedule_output_or_pj():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    ok = _aksi(sub, "1")
    no_bulan = _aksi(sub, "2", bulan=[])
    no_output = _aksi(sub, "3", keluaran="")
    no_pj = _aksi(sub, "4", penanggung_jawab="")
    for rule, aksi in (("aksi.without_schedule", no_bulan), ("aksi.without_output", no_output),
                       ("aksi.without_pj", no_pj)):
        f = one(plan, rule)
        assert f.severity == Severity.WARNING
        assert (f.location.object_type, f.location.object_id) == ("aksi", aksi.pk)
        assert f.location.anchor == f"aksi-{aksi.pk}"
    svc.aksi_update(aksi=no_bulan, bulan=[3])
    svc.aksi_update(aksi=no_output, keluaran="Notulen")
    svc.aksi_update(aksi=no_pj, penanggung_jawab="Sekretaris")
    assert findings(plan) == [] and ok


def test_all_aksi_of_a_sub_kegiatan_lacking_the_same_thing_give_one_finding():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    for n in "123":
        _aksi(sub, n, keluaran="")
    f = one(plan, "aksi.without_output")
    assert f.location.object_type == "subkegiatan" and f.values == {"aksi": 3}


def test_the_head_of_the_bidang_is_the_default_pj():
    plan = empty_plan()
    pd = plan.perangkat_daerah
    bidang = org.bidang_get_or_create(perangkat_daerah=pd, nama="Bidang Politik")
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False, bidang=bidang)
    _aksi(sub, penanggung_jawab="")
    assert one(plan, "aksi.without_pj").location.bidang_id == bidang.pk
    kepala = org.pejabat_create(perangkat_daerah=pd, bidang=bidang, nama="MUNAWAROH", jabatan="Kepala Bidang",
                                nip="19690325 199103 2 004")
    org.bidang_set_kepala(bidang=bidang, pejabat=kepala)
    assert findings(plan, "aksi.without_pj") == []


def _jadwal(plan, aksi, teks="", catatan="", dokumen="samarinda.txt"):
    """The row the importer keeps on every aksi it writes: the months as read and why they could not be."""
    return svc.provenance_record(obj=aksi, rencana_aksi=plan, field="jadwal", teks=teks, dokumen=dokumen,
                                 baris=250, kolom="Jan–Des", catatan=catatan)


TEXT_COPY = "arsiran bulan hilang pada salinan teks"


def test_schedule_lost_in_a_text_copy_is_info_once_for_the_plan():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    a1, a2 = _aksi(sub, "1", bulan=[]), _aksi(sub, "2", bulan=[])
    for a in (a1, a2):
        _jadwal(plan, a, catatan=TEXT_COPY)
    f = one(plan, "aksi.without_schedule")
    assert f.severity == Severity.INFO
    assert f.location.object_type == "rencanaaksi" and f.values == {"aksi": 2}


def test_schedule_read_from_a_spreadsheet_but_empty_is_a_warning():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    a = _aksi(sub, "1", bulan=[])
    _jadwal(plan, a, dokumen="ra.xlsx")  # read, and no month was marked
    assert one(plan, "aksi.without_schedule").severity == Severity.WARNING


def test_months_read_and_later_cleared_by_a_person_are_a_warning():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    a = _aksi(sub, "1", bulan=[])
    _jadwal(plan, a, teks="Jan, Feb", catatan=TEXT_COPY)  # the copy did show these months
    assert one(plan, "aksi.without_schedule").severity == Severity.WARNING


def test_only_the_jadwal_row_counts_not_where_other_values_came_from():
    """Provenance of other fields from a text copy says nothing about the schedule (the old guess is gone)."""
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    a = _aksi(sub, "1", bulan=[])
    svc.provenance_record(obj=a, rencana_aksi=plan, field="target", teks="1", dokumen="samarinda.txt", baris=250)
    assert one(plan, "aksi.without_schedule").severity == Severity.WARNING


def test_the_importer_can_mark_a_schedule_it_could_not_read():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [100], with_aksi=False)
    a = _aksi(sub, "1", bulan=[])
    svc.provenance_record(obj=a, rencana_aksi=plan, field="jadwal", teks="", dokumen="ra.docx", baris=3,
                          catatan="sel bulan tidak terbaca")
    assert one(plan, "aksi.without_schedule").severity == Severity.INFO


def test_numbering_gap_and_duplicate():
    # Samarinda, Forkopimda: aksi 1, 2, 3, 7.
    plan = empty_plan()
    _, _, (sub, sub2) = budget(plan, None, None, [100, 100], with_aksi=False)
    for n in ("1", "2", "3", "7"):
        _aksi(sub, n)
    for n in ("1", "2", "2"):
        _aksi(sub2, n)
    found = {f.location.object_id: f for f in findings(plan, "aksi.numbering")}
    assert found[sub.pk].values == {"nomor": [1, 2, 3, 7], "hilang": [4, 5, 6], "ganda": []}
    assert found[sub2.pk].values == {"nomor": [1, 2, 2], "hilang": [], "ganda": [2]}
    assert found[sub.pk].severity == Severity.WARNING
    assert "4, 5, 6" in found[sub.pk].message


def test_numbering_in_order_or_without_numbers_is_silent():
    plan = empty_plan()
    _, _, (sub, sub2) = budget(plan, None, None, [100, 100], with_aksi=False)
    for n in ("1.", "2", "3)"):
        _aksi(sub, n)
    for n in ("", "a"):
        _aksi(sub2, n)
    assert findings(plan, "aksi.numbering") == []


def test_sasaran_identical_to_its_indicator():
    text = "Meningkatnya Peran Serta Generasi Muda dalam Memahami Ideologi Pancasila"
    plan = empty_plan()
    s = sasaran(plan, text)
    ind = indikator(plan, "100", ["10", "10", "10", "70"], nama=text.upper() + ".", on=s)
    f = one(plan, "sasaran.same_as_indikator")
    assert f.severity == Severity.WARNING
    assert (f.location.object_type, f.location.object_id) == ("sasaran", s.pk)
    assert f.values == {"indikator": ind.nama}  # the name: an id would change in every version of the plan
    svc.indikator_update(indikator=ind, nama="Persentase generasi muda yang memahami ideologi Pancasila")
    assert findings(plan, "sasaran.same_as_indikator") == []


def _pk(plan, ind, teks):
    from renaksi.core.angka import parse_angka

    pk = svc.perjanjian_kinerja_create(rencana_aksi=plan)
    angka = parse_angka(teks)
    return svc.perjanjian_kinerja_item_create(perjanjian_kinerja=pk, indikator=ind, target_nilai=angka.nilai,
                                              target_kategori=angka.kategori, target_teks=teks)


def test_pk_target_different_from_the_ra_yearly_target_is_an_error():
    plan = empty_plan()
    ind = indikator(plan, "29,17%", ["1,56%", "1,64%", "12,98%", "12,99%"])
    _pk(plan, ind, "30%")
    f = one(plan, "pk.target_mismatch")
    assert f.severity == Severity.ERROR
    assert f.location.object_id == ind.pk
    assert f.values == {"pk": D(30), "ra": D("29.17"), "difference": D("0.83")}


def test_pk_target_equal_to_the_ra_target_as_written_is_silent():
    plan = empty_plan()
    ind = indikator(plan, "29,17%", ["1,56%", "1,64%", "12,98%", "12,99%"])
    _pk(plan, ind, "29,170%")
    ind2 = indikator(plan, "B (67,34)", ["", "", "", "B"], jenis_target="kategori", nama="AKIP")
    _pk(plan, ind2, "B")
    assert findings(plan) == []


def test_pk_category_differs():
    plan = empty_plan()
    ind = indikator(plan, "B (67,34)", ["", "", "", "B"], jenis_target="kategori", nama="AKIP")
    _pk(plan, ind, "BB")
    assert one(plan, "pk.target_mismatch").values == {"pk": "BB", "ra": "B"}


def test_an_aksi_added_in_the_editor_to_a_plan_imported_from_a_text_copy_is_a_warning():
    plan = svc.rencana_aksi_create(perangkat_daerah=empty_plan().perangkat_daerah, tahun=2030,
                                   sumber="003_a1ceddc45d39290c.txt")
    _, _, (sub, other) = budget(plan, None, None, [100, 100], with_aksi=False)
    for nomor in ("1", "2"):
        _jadwal(plan, _aksi(sub, nomor, bulan=[]), catatan=TEXT_COPY)  # imported: the copy lost the shading
    added = _aksi(other, "1", bulan=[])  # added later in the editor: no jadwal row
    info, warning = sorted(findings(plan, "aksi.without_schedule"), key=lambda f: f.severity != Severity.INFO)
    assert info.severity == Severity.INFO and info.values == {"aksi": 2}
    assert warning.severity == Severity.WARNING
    assert (warning.location.object_type, warning.location.object_id) == ("aksi", added.pk)
