"""GET /rencana-aksi/<id>/monev/<tw>/: the monev form of a plan and triwulan, per persona and window state."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import TindakLanjut
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Program, Sasaran, SubKegiatan
from tests.factories import make_plan
from tests.monev.isi import add_indikator, fill, monev_html


def url(plan, tw=1):
    return reverse("monev_form", args=[plan.pk, tw])


def test_perencana_sees_every_row_editable(client, world, rows):
    client.force_login(world.alice)
    html = monev_html(client, world.plan)
    assert f'id="f-ind-{rows.iku.pk}"' in html
    assert f'id="sub{rows.sub_politik.pk}-jumlah"' in html and f'id="sub{rows.sub_ideologi.pk}-jumlah"' in html
    assert "Anda dapat mengisi seluruh monev" in html


def test_kepala_bidang_gets_inputs_only_for_his_bidang(client, world, rows):
    client.force_login(world.bob)  # Ideologi: the IKU and sub_politik belong to Politik
    html = monev_html(client, world.plan)
    assert f'id="f-ind-{rows.iku.pk}"' not in html
    assert f'id="sub{rows.sub_ideologi.pk}-jumlah"' in html
    assert f'id="sub{rows.sub_politik.pk}-jumlah"' not in html
    assert f'id="f-aksi-{rows.aksi_ideologi.pk}"' in html and f'id="f-aksi-{rows.aksi_politik.pk}"' not in html


@pytest.mark.parametrize("persona", ["kepala", "eve", "admin"])
def test_readers_see_values_without_inputs(client, world, rows, persona):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=Decimal("9"))
    client.force_login(getattr(world, persona))
    html = monev_html(client, world.plan)
    assert "<form id=\"f-ind-" not in html and "name=\"jumlah\"" not in html
    assert "90,00%" in html  # 9 of target 10
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
    html = monev_html(client, world.plan, 3)
    assert "belum dibuka" in html and "<form id=\"f-ind-" not in html
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    html = monev_html(client, world.plan, 1)
    assert "sudah ditutup" in html and "<form id=\"f-ind-" not in html



@pytest.mark.parametrize("persona,offered", [("admin", True), ("alice", False), ("kepala", False), ("eve", False)])
def test_a_window_not_open_offers_the_admin_pemda_the_page_that_opens_it(client, world, rows, persona, offered):
    """"Belum dibuka oleh admin pemda" says who must act; the admin pemda himself gets the way there."""
    client.force_login(getattr(world, persona))
    link = f'href="{reverse("monev_jendela")}?tahun=2024"'
    assert (link in monev_html(client, world.plan, 3)) is offered  # TW III was never opened
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    assert (link in monev_html(client, world.plan, 1)) is offered  # closed
    assert link not in monev_html(client, world.plan, 2)  # open: nothing to do there

def test_capaian_formula_and_predikat_are_shown(client, world, rows):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=Decimal("6"))
    client.force_login(world.alice)
    html = monev_html(client, world.plan)
    assert "60,00%" in html
    assert "realisasi TW I ÷ target TW I × 100 = 6 ÷ 10 × 100" in html or "6 ÷ 10 × 100" in html
    assert "Rendah" in html  # 60 % is in the Rendah band (> 50 – 65)


def test_tindak_lanjut_of_tw_1_is_shown_first_in_tw_2(client, world, rows):
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="Rapat koordinasi ulang")
    client.force_login(world.alice)
    html = client.get(url(world.plan, 2)).content.decode()
    assert "Tindak lanjut triwulan sebelumnya" in html
    assert html.index("Rapat koordinasi ulang") < html.index("section-indikator")
    assert "Tindak lanjut triwulan sebelumnya" not in client.get(url(world.plan, 1)).content.decode()


def _big(world, n_sub_kegiatan: int, aksi_per_sub: int, n_indikator: int):
    big = make_plan(world.other_pd, tahun=2024, n_sub_kegiatan=n_sub_kegiatan, aksi_per_sub=aksi_per_sub)
    add_indikator(big, n_indikator)
    fill(big)
    monev.evaluasi_set(indikator=Indikator.objects.filter(rencana_aksi=big).first(), triwulan=1,
                       tindak_lanjut="Rapat")
    return big


@pytest.mark.parametrize("size", [(2, 2, 0), (20, 4, 10)])
def test_page_section_and_row_saves_cost_constant_queries(client, world, rows, django_assert_max_num_queries,
                                                           size):
    """At two sizes (4 aksi and 1 indikator; 80 aksi and 11 indikator) the page, a section of each kind and a save
    of each row kind cost the same queries (measured: equal at both sizes)."""
    plan = _big(world, *size)
    client.force_login(world.charlie)  # perencana of other_pd
    sasaran = Sasaran.objects.get(rencana_aksi=plan)
    kegiatan = Kegiatan.objects.get(rencana_aksi=plan)
    ind = Indikator.objects.filter(rencana_aksi=plan).last()
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).last()
    aksi = Aksi.objects.filter(rencana_aksi=plan).last()
    tl = TindakLanjut.objects.filter(indikator__rencana_aksi=plan).first()
    with django_assert_max_num_queries(10):
        assert client.get(url(plan, 2)).status_code == 200
    with django_assert_max_num_queries(17):
        assert client.get(reverse("monev_bagian", args=[plan.pk, 2, "sasaran", sasaran.pk])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("monev_bagian", args=[plan.pk, 2, "kegiatan", kegiatan.pk])).status_code == 200
    headers = {"HTTP_HX_REQUEST": "true"}
    body = {"realisasi": "7", "catatan": "", "faktor_pendorong": "", "faktor_penghambat": "", "tindak_lanjut": "",
            "tindak_lanjut_renja": "", "versi_baris": "0"}
    with django_assert_max_num_queries(33):
        assert client.post(reverse("monev_indikator_save", args=[ind.pk, 2]), body, **headers).status_code == 200
    with django_assert_max_num_queries(17):
        assert client.post(reverse("monev_anggaran_save", args=[sub.pk, 2]), {"jumlah": "5000", "versi_baris": "0"},
                           **headers).status_code == 200
    with django_assert_max_num_queries(23):
        assert client.post(reverse("monev_progres_save", args=[aksi.pk, 2]),
                           {"bulan_4": "berjalan", "bulan_5": "", "bulan_6": ""}, **headers).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.post(reverse("monev_tindak_lanjut_save", args=[tl.pk, 2]),
                           {"status": "selesai", "catatan": "ok"}, **headers).status_code == 200


def test_a_large_plan_shows_its_outline_and_loads_a_section_when_opened(client, world, rows):
    plan = _big(world, 20, 4, 10)  # 80 aksi: beyond BUKA_SEMUA_SAMPAI
    client.force_login(world.charlie)
    html = client.get(url(plan, 2)).content.decode()
    aksi = Aksi.objects.filter(rencana_aksi=plan).last()
    ind = Indikator.objects.filter(rencana_aksi=plan).last()
    assert f'id="aksi-{aksi.pk}"' not in html and f'id="ind-{ind.pk}"' not in html  # no row on the page itself
    kegiatan = Kegiatan.objects.get(rencana_aksi=plan)
    section_url = reverse("monev_bagian", args=[plan.pk, 2, "kegiatan", kegiatan.pk])
    assert f'hx-get="{section_url}" hx-trigger="toggle once"' in html  # loaded when its <details> is opened
    assert "80 aksi" in html and "20 sub kegiatan" in html and "11 indikator" in html  # the outline's counts
    assert "Rapat" in html  # the tindak lanjut to close first is on the page itself
    section = client.get(section_url).content.decode()
    assert f'id="aksi-{aksi.pk}"' in section and f'id="f-aksi-{aksi.pk}"' in section
    assert section.count('<tr id="sub-') == 20
    # A small plan opens every section at once.
    client.force_login(world.alice)
    small = client.get(url(world.plan, 2)).content.decode()
    assert 'hx-trigger="toggle once"' not in small and ' open>' in small


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_a_section_of_another_pd_or_pemda_is_404(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    kegiatan = Kegiatan.objects.get(rencana_aksi=world.plan)
    assert client.get(reverse("monev_bagian", args=[world.plan.pk, 1, "kegiatan", kegiatan.pk])).status_code == 404


def test_a_section_must_belong_to_the_plan_and_be_a_sasaran_or_kegiatan(client, world, rows):
    client.force_login(world.alice)
    foreign = Kegiatan.objects.get(rencana_aksi=world.foreign_plan)
    sasaran = Sasaran.objects.get(rencana_aksi=world.plan)
    assert client.get(reverse("monev_bagian", args=[world.plan.pk, 1, "kegiatan", foreign.pk])).status_code == 404
    assert client.get(reverse("monev_bagian", args=[world.plan.pk, 1, "aksi", rows.aksi_politik.pk])).status_code == 404
    program = Program.objects.get(rencana_aksi=world.plan)  # a program is shown as its kegiatan, not a section
    assert client.get(reverse("monev_bagian", args=[world.plan.pk, 1, "program", program.pk])).status_code == 404
    assert client.get(reverse("monev_bagian", args=[world.plan.pk, 5, "sasaran", sasaran.pk])).status_code == 404
    response = client.get(reverse("monev_bagian", args=[world.plan.pk, 1, "sasaran", sasaran.pk]))
    assert response.status_code == 200 and f'id="f-ind-{rows.iku.pk}"' in response.content.decode()


def test_anonymous_asking_for_a_section_is_sent_to_login(client, world):
    kegiatan = Kegiatan.objects.get(rencana_aksi=world.plan)
    response = client.get(reverse("monev_bagian", args=[world.plan.pk, 1, "kegiatan", kegiatan.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


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
