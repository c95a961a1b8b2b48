"""GET /rencana-aksi/<id>/monev/<tw>/: the monev form of a plan and triwulan, per persona and window state."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from tests.factories import make_plan
from tests.monev.isi import add_indikator, fill


def url(plan, tw=1):
    return reverse("monev_form", args=[plan.pk, tw])


def test_perencana_sees_every_row_editable(client, world, rows):
    client.force_login(world.alice)
    response = client.get(url(world.plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="f-ind-{rows.iku.pk}"' in html
    assert f'id="sub{rows.sub_politik.pk}-jumlah"' in html and f'id="sub{rows.sub_ideologi.pk}-jumlah"' in html
    assert "Anda dapat mengisi seluruh monev" in html


def test_kepala_bidang_gets_inputs_only_for_his_bidang(client, world, rows):
    client.force_login(world.bob)  # Ideologi: the IKU and sub_politik belong to Politik
    html = client.get(url(world.plan)).content.decode()
    assert f'id="f-ind-{rows.iku.pk}"' not in html
    assert f'id="sub{rows.sub_ideologi.pk}-jumlah"' in html
    assert f'id="sub{rows.sub_politik.pk}-jumlah"' not in html
    assert f'id="f-aksi-{rows.aksi_ideologi.pk}"' in html and f'id="f-aksi-{rows.aksi_politik.pk}"' not in html


@pytest.mark.parametrize("persona", ["kepala", "eve", "admin"])
def test_readers_see_values_without_inputs(client, world, rows, persona):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=Decimal("9"))
    client.force_login(getattr(world, persona))
    response = client.get(url(world.plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<form id=\"f-ind-" not in html and "name=\"jumlah\"" not in html
    assert "90,00 %" in html  # 9 of target 10
    assert "Hanya baca" in html


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_other_pd_or_pemda_gets_404(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    assert client.get(url(world.plan)).status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(url(world.plan))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_triwulan_outside_1_4_is_404(client, world, rows):
    client.force_login(world.alice)
    assert client.get(url(world.plan, 5)).status_code == 404


def test_window_not_open_and_closed_show_values_read_only_with_the_reason(client, world, rows):
    client.force_login(world.alice)
    html = client.get(url(world.plan, 3)).content.decode()
    assert "belum dibuka" in html and "<form id=\"f-ind-" not in html
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    html = client.get(url(world.plan, 1)).content.decode()
    assert "sudah ditutup" in html and "<form id=\"f-ind-" not in html


def test_capaian_formula_and_predikat_are_shown(client, world, rows):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=Decimal("6"))
    client.force_login(world.alice)
    html = client.get(url(world.plan)).content.decode()
    assert "60,00 %" in html
    assert "realisasi TW I ÷ target TW I × 100 = 6 ÷ 10 × 100" in html or "6 ÷ 10 × 100" in html
    assert "Rendah" in html  # 60 % is in the Rendah band (> 50 – 65)


def test_tindak_lanjut_of_tw_1_is_shown_first_in_tw_2(client, world, rows):
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="Rapat koordinasi ulang")
    client.force_login(world.alice)
    html = client.get(url(world.plan, 2)).content.decode()
    assert "Tindak lanjut triwulan sebelumnya" in html
    assert html.index("Rapat koordinasi ulang") < html.index("section-indikator")
    assert "Tindak lanjut triwulan sebelumnya" not in client.get(url(world.plan, 1)).content.decode()


def test_query_count_is_constant_as_the_plan_grows(client, world, rows, django_assert_max_num_queries):
    big = make_plan(world.other_pd, tahun=2024, n_sub_kegiatan=20, aksi_per_sub=4)  # charlie's PD
    add_indikator(big, 10)
    fill(world.plan)
    fill(big)
    for user, plan in ((world.alice, world.plan), (world.charlie, big)):
        client.force_login(user)
        with django_assert_max_num_queries(32):
            assert client.get(url(plan, 2)).status_code == 200


@pytest.mark.parametrize("persona,shown", [("alice", True), ("kabid", True), ("kepala", True), ("eve", True),
                                           ("admin", True), ("charlie", False)])
def test_home_page_links_to_monev_and_dasbor_for_who_may_read_them(client, world, rows, persona, shown):
    client.force_login(getattr(world, persona))
    html = client.get(reverse("home")).content.decode()
    assert (reverse("monev_start", args=[world.plan.pk]) in html) is shown
    assert (reverse("dasbor_pd", args=[world.plan.pk]) in html) is shown


def test_monev_start_goes_to_the_latest_open_triwulan(client, world, rows):
    client.force_login(world.alice)
    response = client.get(reverse("monev_start", args=[world.plan.pk]))
    assert response.status_code == 302 and response["Location"] == url(world.plan, 2)
