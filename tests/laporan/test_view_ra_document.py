"""The RA document page: who may open it, what it shows, and that it reads a constant number of queries."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import RencanaAksi
from tests.factories import make_plan


def url(plan) -> str:
    return reverse("ra_document", args=[plan.pk])


def publish(plan: RencanaAksi) -> None:
    # The approval workflow is not part of this page; set the state directly.
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)


def test_perencanaan_of_the_pd_sees_the_document(client, world):
    client.force_login(world.alice)
    response = client.get(url(world.plan))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("RENCANA AKSI", "Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Total Pagu Anggaran",
                 "20.000.000", "JADWAL PELAKSANAAN", "Triw IV", "●", "Cetak", "19690325 199103 2 004",
                 "Pembina (IV/a)", "BIDANG POLITIK DALAM NEGERI", "DRAF"):
        assert text in html, text
    assert "20000000" not in html  # money is grouped for people
    assert 'href="/static/renaksi/dokumen.css"' in html


def assert_shows_the_plan(response, plan) -> None:
    assert response.status_code == 200
    html = response.content.decode()
    assert "RENCANA AKSI" in html and plan.perangkat_daerah.nama.upper() in html
    assert "Sub kegiatan uji 1" in html and "20.000.000" in html


def test_evaluator_of_the_pemda_sees_the_document(client, world):
    client.force_login(world.eve)
    assert_shows_the_plan(client.get(url(world.plan)), world.plan)


def test_kepala_bidang_and_kepala_pd_see_their_pd_document(client, world):
    for user in (world.kabid, world.bob, world.kepala):
        client.force_login(user)
        assert_shows_the_plan(client.get(url(world.plan)), world.plan)


def test_user_of_another_pemda_gets_404(client, world):
    client.force_login(world.dave)
    assert client.get(url(world.plan)).status_code == 404


def test_user_of_another_pd_gets_404_for_a_draft(client, world):
    client.force_login(world.charlie)
    assert client.get(url(world.plan)).status_code == 404


def test_anonymous_is_sent_to_login_for_a_draft(client, world):
    response = client.get(url(world.plan))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_missing_plan(client, world):
    missing = reverse("ra_document", args=[999_999])
    assert client.get(missing).status_code == 302
    client.force_login(world.alice)
    assert client.get(missing).status_code == 404


def test_published_plan_is_visible_to_anyone(client, world):
    publish(world.foreign_plan)
    assert client.get(url(world.foreign_plan)).status_code == 200
    for user in (world.alice, world.eve, world.charlie, world.dave):
        client.force_login(user)
        response = client.get(url(world.foreign_plan))
        assert_shows_the_plan(response, world.foreign_plan)
        assert "DRAF" not in response.content.decode()


def test_document_of_two_bidang_with_plt_signer(client, two_bidang_plan):
    plan = two_bidang_plan.plan
    publish(plan)
    html = client.get(url(plan)).content.decode()
    assert "Samarinda, 2 Januari 2024" in html
    assert "Plt. Kabid. Ideologi, Wasbang Dan Karakter Bangsa" in html
    assert "19720710 199803 1 012" in html and "MIFTAHURRIZQA, SE" in html
    assert "SUCIPTO, S.Pd, M.Si." in html and "19670319 199702 1 003" in html
    assert "56.661.949.550" in html  # the total of the kegiatan pagu, as stored
    assert "2.718.270.000" in html and "1.850.000.000" in html
    assert "29,17%" in html and "1,56%" in html and "1200 Orang" in html
    assert html.count('class="halaman bidang"') == 2
    assert 'rowspan="7"' in html  # the sasaran cell of Tabel 2.3: two programs' own rows, two kegiatan, three sub
    # Scheduled months: 2 + 3 + 3 (ideologi) + 3 × 2 (politik)
    assert len(re.findall(r'class="jadwal on"', html)) == 14


@pytest.mark.parametrize("n_sub_kegiatan", [5, 50])
def test_page_reads_a_constant_number_of_queries(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.pd, tahun=2025, n_sub_kegiatan=n_sub_kegiatan)
    client.force_login(world.alice)
    # session + user + plan + plan_data() without aksi (10) + the aksi rows (1) + one perangkat daerah, whatever
    # its size
    with django_assert_max_num_queries(15):
        response = client.get(url(plan))
    assert response.status_code == 200
    assert response.content.decode().count('class="tabel-dokumen tabel-aksi"') == n_sub_kegiatan


def test_plan_without_aksi_shows_the_matrix(client, world):
    from renaksi.perencanaan.models import Aksi

    Aksi.objects.filter(rencana_aksi=world.plan).delete()
    client.force_login(world.alice)
    html = client.get(url(world.plan)).content.decode()
    assert "A. Sasaran Strategis" in html and "PENANGGUNG JAWAB" in html
    assert "JADWAL PELAKSANAAN" not in html
    assert "Program Peningkatan Peran Partai Politik" in html and "20.000.000" in html


def test_findings_appendix_is_off_by_default_and_lists_open_findings_when_asked(client, world):
    from renaksi.perencanaan import services as svc
    from renaksi.perencanaan.models import Kegiatan

    kegiatan = Kegiatan.objects.filter(rencana_aksi=world.plan).first()
    svc.anggaran_update(obj=kegiatan, pagu=kegiatan.pagu + 1000)  # no longer the sum of its sub kegiatan
    client.force_login(world.eve)
    url = reverse("ra_document", args=[world.plan.pk])
    plain = client.get(url).content.decode()
    assert "LAMPIRAN: TEMUAN" not in plain
    with_appendix = client.get(url + "?lampiran=temuan").content.decode()
    assert "LAMPIRAN: TEMUAN" in with_appendix
    # The rule by its Indonesian title; its id is for the documentation, not for the printed page.
    assert "Jumlah pagu tidak sama dengan pagu induknya" in with_appendix
    assert "pagu.rollup_mismatch" not in with_appendix


def test_rows_built_in_python_escape_what_the_plan_says(client, world):
    """The aksi, Tabel 2.3 and bidang indikator rows are built by filters (laporan/templatetags/dokumen.py), not
    by template loops: text from the plan is escaped there too, and the one cell of each span is kept."""
    from renaksi.perencanaan import services as svc
    from renaksi.perencanaan.models import Aksi, Indikator, SubKegiatan

    aksi = Aksi.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id").first()
    svc.aksi_update(aksi=aksi, uraian="Rapat <b>koordinasi</b> & evaluasi", keluaran='Laporan "akhir"')
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, nama="Sub <i>kegiatan</i>")
    svc.indikator_update(indikator=Indikator.objects.get(rencana_aksi=world.plan), nama="Persentase <u>pemilih</u>")
    client.force_login(world.alice)
    html = client.get(url(world.plan)).content.decode()
    assert "<b>" not in html and "<i>" not in html and "<u>" not in html
    assert "<td>Rapat &lt;b&gt;koordinasi&lt;/b&gt; &amp; evaluasi</td>" in html
    assert "<td>Laporan &quot;akhir&quot;</td>" in html
    assert html.count("Sub &lt;i&gt;kegiatan&lt;/i&gt;") == 2  # Tabel 2.3 and its aksi table
    assert "<td>Persentase &lt;u&gt;pemilih&lt;/u&gt;</td>" in html  # the bidang's indikator table
    assert html.count('rowspan="2">Program Peningkatan Peran Partai Politik</td>') == 2  # its two aksi tables
