"""plan_editor: the whole plan on one page, with edit controls according to who looks, in constant queries."""

from html import unescape

import pytest
from django.urls import reverse

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, SubKegiatan
from tests.factories import make_plan, submit
from tests.helpers import OUTSIDERS


def page(client, plan):
    return client.get(reverse("plan_editor", args=[plan.pk]))


def test_alice_sees_the_whole_tree_with_anchors_and_controls(client, world, rows):
    client.force_login(world.alice)
    response = page(client, rows.plan)
    assert response.status_code == 200
    html = response.content.decode()
    for anchor in (f"sasaran-{rows.sasaran.pk}", f"indikator-{rows.iku.pk}", f"program-{rows.program.pk}",
                   f"kegiatan-{rows.kegiatan.pk}", f"subkegiatan-{rows.sub_politik.pk}",
                   f"aksi-{rows.aksi_politik.pk}"):
        assert f'id="{anchor}"' in html
    assert "Persentase partisipasi pemilih" in html
    assert html.count('class="bulan-toggle') == 4 * 12
    assert "Tambah program" in html and "Tambah sasaran" in html
    # Header: PD, year, version, status, total pagu.
    header = html.split('id="plan-header"')[1].split("</header>")[0]
    for text in (world.pd.nama, "2024", "Murni", "Draf", "Rp20.000.000"):
        assert text in header


def test_numbers_are_formatted_for_people_and_never_in_ids(client, world, rows, settings):
    settings.USE_THOUSAND_SEPARATOR = True  # even if someone turns it on, ids and URLs stay plain
    SubKegiatan.objects.filter(pk=rows.sub_politik.pk).update(pagu=2_718_270_000)
    aksi = svc.aksi_create(sub_kegiatan=rows.sub_politik, uraian="Aksi dengan id besar")
    Aksi.objects.filter(pk=aksi.pk).update(id=12345)
    client.force_login(world.alice)
    html = page(client, rows.plan).content.decode()
    assert "2.718.270.000" in html
    assert 'id="aksi-12345"' in html and 'id="bulan-12345-6"' in html
    assert 'hx-post="/aksi/12345/bulan/6/"' in html and 'hx-get="/aksi/12345/ubah/"' in html
    assert "12.345" not in html


def test_roll_up_totals_sit_next_to_the_stated_pagu(client, world, rows):
    SubKegiatan.objects.filter(pk=rows.sub_politik.pk).update(pagu=12_500_000)  # as a document may say
    client.force_login(world.alice)
    html = page(client, rows.plan).content.decode()
    kegiatan = html.split(f'id="kegiatan-{rows.kegiatan.pk}"')[1].split("</tr>")[0]
    assert "20.000.000" in kegiatan  # stated, kept
    assert "22.500.000" in kegiatan and "selisih" in kegiatan and "+2.500.000" in kegiatan
    program = html.split(f'id="program-{rows.program.pk}"')[1].split("</tr>")[0]
    assert "selisih" not in program


def test_kabid_gets_controls_only_on_his_bidangs_rows(client, world, rows):
    client.force_login(world.kabid)
    html = page(client, rows.plan).content.decode()

    def row(anchor):
        return html.split(f'id="{anchor}"')[1].split("</tr>")[0]

    assert "data-edit" in row(f"subkegiatan-{rows.sub_politik.pk}")
    assert "data-edit" in row(f"aksi-{rows.aksi_politik.pk}")
    assert "bulan-toggle" in row(f"aksi-{rows.aksi_politik.pk}")
    assert "target-btn" in row(f"indikator-{rows.iku.pk}")
    assert "data-edit" not in row(f"subkegiatan-{rows.sub_ideologi.pk}")
    assert "bulan-toggle" not in row(f"aksi-{rows.aksi_ideologi.pk}")
    assert "data-edit" not in row(f"program-{rows.program.pk}")
    assert "data-edit" not in row(f"sasaran-{rows.sasaran.pk}")
    assert "Tambah program" not in html and "Tambah sub kegiatan" not in html
    assert f'id="add-aksi-{rows.sub_politik.pk}"' in html and f'id="add-aksi-{rows.sub_ideologi.pk}"' not in html
    assert "Bidang Politik Dalam Negeri" in html.split('id="plan-header"')[1].split("</header>")[0]


@pytest.mark.parametrize("persona", ["kepala", "eve"])
def test_read_only_users_see_everything_and_no_controls(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    response = page(client, rows.plan)
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<div class="editor-main">')[1]
    assert "Persentase partisipasi pemilih" in main and f'id="aksi-{rows.aksi_ideologi.pk}"' in main
    for control in ("data-edit", "hx-post", "bulan-toggle", "target-btn", "Tambah"):
        assert control not in main
    assert "Hanya baca" in html


def test_admin_pemda_edits(client, world, rows):
    client.force_login(world.admin)
    assert "data-edit" in page(client, rows.plan).content.decode()


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    assert page(client, rows.plan).status_code == 404


def test_anonymous_is_sent_to_login(client, rows):
    response = page(client, rows.plan)
    assert response.status_code == 302
    assert response["Location"] == f"/masuk/?next=/rencana-aksi/{rows.plan.pk}/"


def test_a_submitted_plan_is_read_only_for_everyone_and_says_so(client, world, rows):
    submit(rows.plan)
    client.force_login(world.alice)
    html = unescape(page(client, rows.plan).content.decode())
    assert "berstatus 'Diajukan' dan tidak dapat diubah" in html
    main = html.split('<div class="editor-main">')[1]
    assert "data-edit" not in main and "bulan-toggle" not in main


def test_findings_panel_when_the_checker_is_there(client, world, rows):
    client.force_login(world.alice)
    html = page(client, rows.plan).content.decode()
    assert 'id="findings-panel"' in html
    assert 'hx-trigger="load, plan-changed from:body"' in html


# The page reads each table once: a plan with 10× the rows costs the same number of queries.
MAX_QUERIES = 17  # + the list of the plan's versions (perubahan)


@pytest.mark.parametrize("n_sub_kegiatan", [5, 50])
def test_constant_number_of_queries(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.pd, tahun=2025, n_sub_kegiatan=n_sub_kegiatan)
    assert Aksi.objects.filter(rencana_aksi=plan).count() == 2 * n_sub_kegiatan
    client.force_login(world.kabid)  # per-row edit flags are the costly case
    with django_assert_max_num_queries(MAX_QUERIES):
        response = page(client, plan)
    assert response.status_code == 200
    assert response.content.decode().count('class="row-aksi"') == 2 * n_sub_kegiatan


def test_editor_links_to_the_document_and_the_template_exports(client, world):
    client.force_login(world.eve)
    html = client.get(reverse("plan_editor", args=[world.plan.pk])).content.decode()
    export = reverse("plan_export_template", args=[world.plan.pk])
    assert f'href="{export}?format=xlsx"' in html and f'href="{export}?format=docx"' in html
    assert reverse("ra_document", args=[world.plan.pk]) in html
    assert client.get(f"{export}?format=xlsx").status_code == 200
