"""POST /monev/indikator/<id>/tw/<n>/: realisasi and evaluasi of one indikator, saved inline."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import EvaluasiIndikator, RealisasiIndikator, TindakLanjut

HX = {"HTTP_HX_REQUEST": "true"}
DATA = {"realisasi": "8,5", "catatan": "", "faktor_pendorong": "Dukungan mitra", "faktor_penghambat": "",
        "tindak_lanjut": "Rapat ulang", "tindak_lanjut_renja": ""}


def post(client, rows, tw=1, **data):
    return client.post(reverse("monev_indikator_save", args=[rows.iku.pk, tw]), {**DATA, **data}, **HX)


def test_perencana_saves_realisasi_and_sees_capaian_predikat_and_formula(client, world, rows):
    client.force_login(world.alice)
    response = post(client, rows)
    assert response.status_code == 200
    r = RealisasiIndikator.objects.get(indikator=rows.iku, triwulan=1)
    assert r.nilai == Decimal("8.5") and r.diisi_oleh == world.alice
    assert EvaluasiIndikator.objects.get(indikator=rows.iku, triwulan=1).faktor_pendorong == "Dukungan mitra"
    assert TindakLanjut.objects.get(indikator=rows.iku, triwulan=1).uraian == "Rapat ulang"
    html = response.content.decode()
    assert f'id="ind-{rows.iku.pk}"' in html
    assert "85,00%" in html and "8,5 ÷ 10 × 100" in html and "Tinggi" in html


def test_kepala_bidang_saves_his_bidang_row(client, world, rows):
    client.force_login(world.kabid)  # Politik: the IKU is his
    assert post(client, rows).status_code == 200
    assert RealisasiIndikator.objects.filter(indikator=rows.iku).count() == 1


@pytest.mark.parametrize("persona", ["bob", "kepala", "eve", "admin"])
def test_other_bidang_and_readers_get_403_and_nothing_changes(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    response = post(client, rows)
    assert response.status_code == 403
    assert response["HX-Retarget"] == "#editor-alert"
    assert not RealisasiIndikator.objects.exists() and not EvaluasiIndikator.objects.exists()


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_other_pd_or_pemda_gets_404(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    assert post(client, rows).status_code == 404
    assert not RealisasiIndikator.objects.exists()


def test_closed_triwulan_refuses_with_422_and_the_reason(client, world, rows):
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    client.force_login(world.alice)
    response = post(client, rows)
    assert response.status_code == 422
    assert "sudah ditutup" in response.content.decode()
    assert not RealisasiIndikator.objects.exists() and not EvaluasiIndikator.objects.exists()


def test_triwulan_not_opened_refuses(client, world, rows):
    client.force_login(world.alice)
    response = post(client, rows, tw=3)
    assert response.status_code == 422 and "belum dibuka" in response.content.decode()
    assert not RealisasiIndikator.objects.exists()


@pytest.mark.parametrize("value", ["abc", "1.500", "1e400"])
def test_bad_number_is_422_next_to_the_field_and_nothing_is_saved(client, world, rows, value):
    client.force_login(world.alice)
    response = post(client, rows, realisasi=value)
    assert response.status_code == 422
    assert "is-invalid" in response.content.decode()
    assert not RealisasiIndikator.objects.exists() and not EvaluasiIndikator.objects.exists()


def test_too_long_text_is_refused(client, world, rows):
    client.force_login(world.alice)
    assert post(client, rows, faktor_penghambat="x" * 5000).status_code == 422
    assert not EvaluasiIndikator.objects.exists()


def test_get_is_not_allowed(client, world, rows):
    client.force_login(world.alice)
    assert client.get(reverse("monev_indikator_save", args=[rows.iku.pk, 1])).status_code == 405


def test_an_implausible_percentage_is_saved_as_typed_and_the_row_warns(client, world, rows):
    """1.234.567,5 for an indikator in Persen (target TW I 10 %) is kept, not refused nor changed; the saved row
    says it is implausible. A plausible value shows no warning."""
    client.force_login(world.alice)
    response = post(client, rows, realisasi="1.234.567,5")
    assert response.status_code == 200
    assert RealisasiIndikator.objects.get(indikator=rows.iku, triwulan=1).nilai == Decimal("1234567.5")
    html = response.content.decode()
    assert "realisasi-peringatan" in html
    assert "Realisasi 1.234.567,5 % melebihi 100 % padahal targetnya 10 %" in html
    # The monev form shows it again when opened.
    page = client.get(reverse("monev_bagian", args=[rows.iku.rencana_aksi_id, 1, "sasaran",
                                                     rows.iku.sasaran_id]), **HX).content.decode()
    assert "Realisasi 1.234.567,5 % melebihi 100 %" in page

    html = post(client, rows, realisasi="8,5", versi_baris="").content.decode()
    assert "realisasi-peringatan" not in html
