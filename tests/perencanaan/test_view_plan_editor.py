"""plan_editor: the page (header, outline, a closed section per sasaran and program) and its sections opened, with
edit controls according to who looks, in constant queries at any plan size."""

import re
from html import unescape

import pytest
from django.urls import reverse

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, RencanaAksi, SubKegiatan
from tests.factories import make_plan, submit
from tests.helpers import OUTSIDERS


def page(client, plan, query=""):
    return client.get(reverse("plan_editor", args=[plan.pk]) + query)


SECTION = re.compile(r'hx-get="(/rencana-aksi/\d+/bagian/[^"]+)"')


def opened(client, plan, query="?bidang=semua"):
    """The page with every section opened, as a user who clicks each of them sees it."""
    html = page(client, plan, query).content.decode()
    sections = []
    todo = SECTION.findall(html)
    while todo:  # a program's section holds its kegiatan heads, each a section of its own
        url = todo.pop(0)
        response = client.get(unescape(url), HTTP_HX_REQUEST="true")
        assert response.status_code == 200, url
        sections.append(response.content.decode())
        todo += SECTION.findall(sections[-1])
    return html.replace("</body>", "\n".join(sections) + "</body>")


def test_alice_sees_the_whole_tree_with_anchors_and_controls(client, world, rows):
    client.force_login(world.alice)
    assert page(client, rows.plan).status_code == 200
    html = opened(client, rows.plan)
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
    html = opened(client, rows.plan)
    assert "2.718.270.000" in html
    assert 'id="aksi-12345"' in html and 'data-aksi="12345"' in html
    assert 'data-url-jadwal="/aksi/0/bulan/1/"' in html and 'hx-get="/aksi/12345/ubah/"' in html
    assert "12.345" not in html


def test_roll_up_totals_sit_next_to_the_stated_pagu(client, world, rows):
    SubKegiatan.objects.filter(pk=rows.sub_politik.pk).update(pagu=12_500_000)  # as a document may say
    client.force_login(world.alice)
    html = opened(client, rows.plan)
    kegiatan = html.split(f'id="kegiatan-{rows.kegiatan.pk}"')[1].split("</tr>")[0]
    assert "20.000.000" in kegiatan  # stated, kept
    assert "22.500.000" in kegiatan and "selisih" in kegiatan and "+2.500.000" in kegiatan
    program = html.split(f'id="program-{rows.program.pk}"')[1].split("</tr>")[0]
    assert "selisih" not in program


def test_kabid_gets_controls_only_on_his_bidangs_rows(client, world, rows):
    client.force_login(world.kabid)
    html = opened(client, rows.plan)  # all bidang

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
    assert page(client, rows.plan).status_code == 200
    html = opened(client, rows.plan)
    main = html.split('<div class="editor-main"')[1]
    assert "Persentase partisipasi pemilih" in main and f'id="aksi-{rows.aksi_ideologi.pk}"' in main
    for control in ("data-edit", "hx-post", "bulan-toggle", "target-btn", "Tambah"):
        assert control not in main
    assert "Hanya baca" in html


def test_admin_pemda_edits(client, world, rows):
    client.force_login(world.admin)
    assert "data-edit" in opened(client, rows.plan)


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
    html = unescape(opened(client, rows.plan))
    assert "berstatus 'Diajukan' dan tidak dapat diubah" in html
    main = html.split('<div class="editor-main"')[1]
    assert "data-edit" not in main and "bulan-toggle" not in main


def test_findings_panel_when_the_checker_is_there(client, world, rows):
    client.force_login(world.alice)
    html = page(client, rows.plan).content.decode()
    assert 'id="findings-panel"' in html
    # A burst of writes reruns the checker once, after the last of them.
    assert 'hx-trigger="load, plan-changed from:body delay:1500ms"' in html


# The page reads a few small tables (outline counts, totals), whatever the plan's size; so does a section.
MAX_QUERIES = 16
MAX_SECTION_QUERIES = 14


@pytest.mark.parametrize("n_sub_kegiatan", [5, 50])
def test_constant_number_of_queries(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.pd, tahun=2025, n_sub_kegiatan=n_sub_kegiatan)
    assert Aksi.objects.filter(rencana_aksi=plan).count() == 2 * n_sub_kegiatan
    client.force_login(world.kabid)  # per-row edit flags are the costly case
    with django_assert_max_num_queries(MAX_QUERIES):
        response = page(client, plan, "?bidang=semua")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="row-aksi"' not in html  # sections are closed: the page does not grow with the plan
    assert f"{2 * n_sub_kegiatan} aksi" in html  # the outline counts them
    urls = [unescape(u) for u in SECTION.findall(html) if "/program/" in u]
    assert len(urls) == 1
    with django_assert_max_num_queries(MAX_SECTION_QUERIES):
        section = client.get(urls[0], HTTP_HX_REQUEST="true")
    section_html = section.content.decode()
    assert 'class="row-aksi"' not in section_html  # a program's section: its row and its kegiatan heads
    urls = [unescape(u) for u in SECTION.findall(section_html) if "/kegiatan/" in u]
    assert len(urls) == 1
    with django_assert_max_num_queries(MAX_SECTION_QUERIES):
        section = client.get(urls[0], HTTP_HX_REQUEST="true")
    assert section.content.decode().count('class="row-aksi"') == 2 * n_sub_kegiatan



@pytest.mark.parametrize(("persona", "lingkup"), [("alice", "Kesbangpol"), ("admin", None), ("charlie", "Dinkes")])
def test_the_menu_names_the_users_pd_or_pemda_read_once(client, world, persona, lingkup):
    """The menu names the user's PD (a PD user) or Pemda (the admin): taken from the plan read for the page when it
    is the plan's (one query less), read when it is another (charlie, another PD of the Pemda, on an approved
    plan)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = getattr(world, persona)
    lingkup = lingkup or str(world.pemda)
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)  # charlie may see it
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        html = page(client, world.plan).content.decode()
    nav = re.search(r'<span class="navbar-text[^>]*>(.*?)</span>', html, re.S).group(1)
    assert nav.split("·")[-1].strip() == lingkup
    reads = [q["sql"] for q in queries if 'FROM "organisasi_perangkatdaerah"' in q["sql"]
             or 'FROM "organisasi_pemda"' in q["sql"]]
    assert len(reads) == (1 if persona == "charlie" else 0), reads

def test_editor_links_to_the_document_and_the_template_exports(client, world):
    client.force_login(world.eve)
    html = client.get(reverse("plan_editor", args=[world.plan.pk])).content.decode()
    # The template is a report of the download menu (registry entry "templat"), its findings appendix the menu's.
    for fmt in ("xlsx", "docx"):
        export = reverse("laporan_unduh", args=[world.plan.pk, "templat", fmt])
        assert f'formaction="{export}"' in html
    assert reverse("ra_document", args=[world.plan.pk]) in html
    response = client.get(export, {"lampiran": "temuan"})
    assert response.status_code == 200 and "templat-kesbangpol-contoh-2024.docx" in response["Content-Disposition"]


# --- sections, bidang filter and search ---------------------------------------------------------------------------


def section_url(plan, jenis, pk, query=""):
    return reverse("rencana_aksi_bagian", args=[plan.pk, jenis, pk]) + query


def test_a_kepala_bidang_starts_on_his_own_bidang_and_may_pick_all(client, world, rows):
    client.force_login(world.kabid)
    html = page(client, rows.plan).content.decode()
    assert "Menampilkan baris Bidang Politik Dalam Negeri saja." in html
    [url] = [unescape(u) for u in SECTION.findall(html) if "/program/" in u]
    assert url.endswith(f"?bidang={world.bidang_politik.pk}")
    section = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    [url] = [unescape(u) for u in SECTION.findall(section) if "/kegiatan/" in u]  # the kegiatan keeps the filter
    assert url.endswith(f"?bidang={world.bidang_politik.pk}")
    section = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="subkegiatan-{rows.sub_politik.pk}"' in section
    assert f'id="subkegiatan-{rows.sub_ideologi.pk}"' not in section
    everything = opened(client, rows.plan, "?bidang=semua")
    assert "id=\"filter-aktif\"" not in everything
    assert f'id="subkegiatan-{rows.sub_ideologi.pk}"' in everything


@pytest.mark.parametrize("persona", ["alice", "kepala", "eve", "bob"])
def test_others_start_on_every_bidang_and_may_pick_one(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    html = page(client, rows.plan).content.decode()
    if persona == "bob":  # the kepala bidang of the other bidang starts on his own
        assert "Menampilkan baris Bidang Ideologi dan Wawasan Kebangsaan saja." in html
    else:
        assert 'id="filter-aktif"' not in html
    only = opened(client, rows.plan, f"?bidang={world.bidang_ideologi.pk}")
    assert f'id="subkegiatan-{rows.sub_ideologi.pk}"' in only
    assert f'id="subkegiatan-{rows.sub_politik.pk}"' not in only
    # The outline counts the rows of that bidang; the IKU (Politik) is not among them.
    assert f'id="indikator-{rows.iku.pk}"' not in only


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404_for_sections_and_search(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    assert client.get(section_url(rows.plan, "program", rows.program.pk)).status_code == 404
    assert client.get(section_url(rows.plan, "sasaran", rows.sasaran.pk)).status_code == 404
    assert client.get(reverse("rencana_aksi_cari", args=[rows.plan.pk]) + "?q=aksi").status_code == 404


def test_a_section_of_another_plan_or_kind_is_404(client, world, rows):
    other = make_plan(world.pd, tahun=2025)
    client.force_login(world.alice)
    from renaksi.perencanaan.models import Program
    assert client.get(section_url(rows.plan, "program", Program.objects.get(rencana_aksi=other).pk)).status_code \
        == 404
    assert client.get(section_url(rows.plan, "aksi", rows.aksi_politik.pk)).status_code == 404


@pytest.mark.parametrize("persona", ["alice", "kabid", "kepala", "eve", "bob"])
def test_search_finds_rows_by_name_with_a_link_to_their_section(client, world, rows, persona):
    client.force_login(getattr(world, persona))
    url = reverse("rencana_aksi_cari", args=[rows.plan.pk])
    html = unescape(client.get(url + "?q=PARTISIPASI", HTTP_HX_REQUEST="true").content.decode())
    assert f'href="#indikator-{rows.iku.pk}" data-bagian="bagian-sasaran-{rows.sasaran.pk}"' in html
    assert f'href="#sasaran-{rows.sasaran.pk}"' in html  # "Meningkatnya partisipasi politik masyarakat"
    aksi = Aksi.objects.get(pk=rows.aksi_ideologi.pk)
    html = client.get(url + f"?q={aksi.uraian[:12]}&bidang={world.bidang_ideologi.pk}").content.decode()
    assert (f'href="#aksi-{aksi.pk}" data-bagian="bagian-kegiatan-{rows.kegiatan.pk}" '
            f'data-program="bagian-program-{rows.program.pk}"') in html
    assert f'href="#aksi-{rows.aksi_politik.pk}"' not in html
    assert "Tidak ada baris" in client.get(url + "?q=zzzz-tidak-ada").content.decode()


def test_a_section_costs_the_same_queries_at_two_sizes(client, world, django_assert_max_num_queries):
    for n in (5, 50):
        plan = make_plan(world.pd, tahun=2020 + n, n_sub_kegiatan=n)
        client.force_login(world.alice)
        from renaksi.perencanaan.models import Sasaran
        with django_assert_max_num_queries(MAX_SECTION_QUERIES):
            response = client.get(section_url(plan, "sasaran", Sasaran.objects.get(rencana_aksi=plan).pk),
                                  HTTP_HX_REQUEST="true")
        assert "Persentase partisipasi pemilih" in response.content.decode()


def test_a_row_anchor_names_its_section_so_a_link_to_a_closed_row_opens_it(client, world, rows):
    client.force_login(world.eve)
    url = reverse("rencana_aksi_cari", args=[rows.plan.pk])
    html = client.get(url + f"?baris=aksi-{rows.aksi_politik.pk}").content.decode()
    # an aksi is in its kegiatan's section, inside its program's (opened first)
    assert f'data-bagian="bagian-kegiatan-{rows.kegiatan.pk}" data-program="bagian-program-{rows.program.pk}"' in html
    html = client.get(url + f"?baris=program-{rows.program.pk}").content.decode()
    assert f'data-bagian="bagian-program-{rows.program.pk}">' in html
    html = client.get(url + f"?baris=indikator-{rows.iku.pk}").content.decode()
    assert f'data-bagian="bagian-sasaran-{rows.sasaran.pk}"' in html
    other = Aksi.objects.filter(rencana_aksi=make_plan(world.pd, tahun=2025)).first()
    assert "data-bagian" not in client.get(url + f"?baris=aksi-{other.pk}").content.decode()  # not this plan's
    for junk in ("foo-1", "aksi-x", "aksi-" + "9" * 30):
        assert client.get(url + f"?baris={junk}").status_code == 200
