"""Input nobody types but anyone can send: a million characters, numbers in scientific notation or other digits,
a forged choice. Each answers 422 with an Indonesian message next to the field it is about; nothing is saved."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from renaksi.core.services import TEKS_MAKS
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, Sasaran, Target

MILLION = "a" * 1_000_000


def aksi_data(**changes) -> dict:
    return {"nomor": "1", "uraian": "Rapat koordinasi", "bulan": ["2"], "keluaran": "Notulen", "target": "8 laporan",
            "pagu": "", "penanggung_jawab": "", "pejabat": ""} | changes


def indikator_data(iku: Indikator, **changes) -> dict:
    return {"nama": iku.nama, "satuan": iku.satuan, "formulasi": "", "polaritas": iku.polaritas,
            "akumulasi": iku.akumulasi, "jenis_target": iku.jenis_target, "is_iku": "on", "bidang": ""} | changes


def anggaran_data(obj, **changes) -> dict:
    return {"kode": obj.kode, "nama": obj.nama, "pagu": str(obj.pagu or ""), "indikator": []} | changes


def _refused(response, *texts: str) -> str:
    assert response.status_code == 422
    html = response.content.decode()
    for text in texts:
        assert text in html, text
    return html


@pytest.mark.parametrize(("field", "label"), [("uraian", "Aksi"), ("keluaran", "Output / keluaran")])
def test_an_aksi_of_a_million_characters_is_refused_naming_the_field(login, rows, field, label):
    before = Aksi.objects.get(pk=rows.aksi_politik.pk)
    response = login("kabid").post(reverse("aksi_edit", args=[rows.aksi_politik.pk]), aksi_data(**{field: MILLION}))
    _refused(response, f"{label} paling panjang {TEKS_MAKS} karakter (sekarang 1000000)")
    after = Aksi.objects.get(pk=rows.aksi_politik.pk)
    assert (after.uraian, after.keluaran) == (before.uraian, before.keluaran)


def test_every_long_text_of_the_editor_is_limited(login, rows):
    alice = login("alice")
    _refused(alice.post(reverse("sasaran_edit", args=[rows.sasaran.pk]),
                        {"nomor": "1", "uraian": MILLION, "level": rows.sasaran.level}), "Uraian sasaran paling panjang")
    _refused(alice.post(reverse("indikator_edit", args=[rows.iku.pk]), indikator_data(rows.iku, formulasi=MILLION)),
             "Formulasi paling panjang")
    _refused(alice.post(reverse("program_edit", args=[rows.program.pk]), anggaran_data(rows.program, nama=MILLION)),
             "Nama paling panjang")
    assert Sasaran.objects.get(pk=rows.sasaran.pk).uraian != MILLION


def test_the_services_refuse_a_long_text_too_naming_the_field(rows):
    """The importer and the API write through the services, not the forms."""
    with pytest.raises(ValidationError) as caught:
        svc.aksi_update(aksi=rows.aksi_politik, uraian=MILLION)
    assert caught.value.message_dict["uraian"] == [f"Aksi paling panjang {TEKS_MAKS} karakter (sekarang 1000000)."]
    svc.aksi_update(aksi=rows.aksi_politik, uraian="b" * TEKS_MAKS)  # the limit itself is allowed


@pytest.mark.parametrize(("target", "message"), [("1e400 laporan", "notasi ilmiah"), ("١٢ laporan", "0–9")])
def test_an_aksi_target_that_is_no_plain_number_is_refused(login, rows, target, message):
    """'1e400 laporan' was saved as 1 laporan."""
    response = login("kabid").post(reverse("aksi_edit", args=[rows.aksi_politik.pk]), aksi_data(target=target))
    _refused(response, message)
    assert Aksi.objects.get(pk=rows.aksi_politik.pk).target_teks != target


@pytest.mark.parametrize("value", ["1e400", "١٢٣", "१२३"])
def test_an_indicator_target_that_is_no_plain_number_is_refused(login, rows, value):
    before = list(Target.objects.filter(indikator=rows.iku).values_list("nilai", flat=True))
    data = {"tahunan": value, "tw1": "10", "tw2": "20", "tw3": "20", "tw4": "30"}
    _refused(login("kabid").post(reverse("target_edit", args=[rows.iku.pk]), data), value)
    assert list(Target.objects.filter(indikator=rows.iku).values_list("nilai", flat=True)) == before


FORGED = "bukan salah satu dari pilihan yang tersedia"


def forged_requests(rows):
    """(url, body) for every choice field of every editor form, with a value no option offers."""
    sub = rows.sub_politik
    aksi = reverse("aksi_edit", args=[rows.aksi_politik.pk])
    indikator = reverse("indikator_edit", args=[rows.iku.pk])
    program = reverse("program_edit", args=[rows.program.pk])
    return {
        "sasaran.level": (reverse("sasaran_edit", args=[rows.sasaran.pk]),
                          {"nomor": "1", "uraian": "Baru", "level": "galaksi"}),
        "indikator.polaritas": (indikator, indikator_data(rows.iku, polaritas="miring")),
        "indikator.akumulasi": (indikator, indikator_data(rows.iku, akumulasi="geometris")),
        "indikator.jenis_target": (indikator, indikator_data(rows.iku, jenis_target="warna")),
        "indikator.bidang": (indikator, indikator_data(rows.iku, bidang="999999")),
        "program.indikator": (program, anggaran_data(rows.program, indikator=["999999"])),
        "subkegiatan.bidang": (reverse("sub_kegiatan_edit", args=[sub.pk]),
                               anggaran_data(sub, bidang="abc", target="12 laporan")),
        "aksi.bulan": (aksi, aksi_data(bulan=["13"])),
        "aksi.pejabat": (aksi, aksi_data(pejabat="999999")),
    }


@pytest.mark.parametrize("case", ["sasaran.level", "indikator.polaritas", "indikator.akumulasi",
                                  "indikator.jenis_target", "indikator.bidang", "program.indikator",
                                  "subkegiatan.bidang", "aksi.bulan", "aksi.pejabat"])
def test_a_forged_choice_answers_422_with_an_indonesian_message(login, rows, case):
    """A forged choice answered 422 with no message when its field showed no errors (the indikator checkboxes)."""
    url, body = forged_requests(rows)[case]
    html = _refused(login("alice").post(url, body), FORGED)
    assert "invalid-feedback" in html
