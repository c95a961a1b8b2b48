import re
from pathlib import Path

from django.urls import reverse

import renaksi

STATIC = Path(renaksi.__file__).resolve().parent / "static"


def test_home_lists_own_plan_for_perencana(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert world.pd.nama in response.content.decode()
    assert world.foreign_pd.pemda.nama not in response.content.decode()


def test_home_requires_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_vendored_assets_are_served_without_cdn(client, db):
    for path in ("vendor/bootstrap/bootstrap.min.css", "vendor/htmx/htmx.min.js", "vendor/chartjs/chart.umd.min.js",
                 "vendor/bootstrap-icons/bootstrap-icons.min.css", "renaksi/renaksi.css"):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        assert response["Content-Type"].startswith("text/css" if path.endswith(".css") else "text/javascript"), path
        assert b"".join(response.streaming_content) == (STATIC / path).read_bytes(), path



def test_every_page_has_an_icon_that_is_served(client, world):
    """Browsers ask for an icon on every page; without one each page logged a 404."""
    client.force_login(world.alice)
    html = client.get("/").content.decode()
    href = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)"', html).group(1)
    response = client.get(href)
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content)

# A resource loaded from another host: src/href/action attributes, CSS url() and @import with http(s):// or "//".
EXTERNAL = re.compile(r"""(?:\b(?:src|srcset|href|action|formaction|poster)\s*=\s*["']?\s*|url\(\s*["']?|@import\s+["'])"""
                      r"""(?:https?:)?//""", re.IGNORECASE)


def test_templates_and_stylesheets_reference_no_external_hosts():
    root = STATIC.parent
    files = [*root.glob("**/templates/**/*.html"), *root.glob("static/**/*.css")]
    assert len(files) > 20, files
    found = {str(f.relative_to(root)): EXTERNAL.findall(f.read_text(encoding="utf-8")) for f in files}
    assert not {name: hits for name, hits in found.items() if hits}


def test_rendered_pages_reference_no_external_hosts(client, world):
    from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Program, Sasaran, SubKegiatan

    plan = world.plan
    pages = {"login": client.get(reverse("login"))}
    client.force_login(world.alice)
    urls = [reverse("home"), reverse("plan_editor", args=[plan.pk]), reverse("plan_findings", args=[plan.pk]),
            reverse("ra_document", args=[plan.pk]), reverse("import_upload"), "/tidak-ada/"]
    for name, model in [("sasaran_edit", Sasaran), ("indikator_edit", Indikator), ("target_edit", Indikator),
                        ("program_edit", Program), ("kegiatan_edit", Kegiatan),
                        ("sub_kegiatan_edit", SubKegiatan), ("aksi_edit", Aksi)]:
        urls.append(reverse(name, args=[model.objects.filter(rencana_aksi=plan).first().pk]))
    pages |= {url: client.get(url) for url in urls}
    assert {url: r.status_code for url, r in pages.items() if r.status_code != 200} == {"/tidak-ada/": 404}
    found = {url: EXTERNAL.findall(r.content.decode()) for url, r in pages.items()}
    assert not {url: hits for url, hits in found.items() if hits}


def test_home_shows_plans_by_year_with_totals_and_falls_back_to_kegiatan_pagu(client, world, django_assert_max_num_queries):
    from renaksi.perencanaan.models import Program

    client.force_login(world.eve)
    with django_assert_max_num_queries(6):
        html = client.get(reverse("home")).content.decode()
    assert "Tahun 2024" in html and "20.000.000" in html
    Program.objects.filter(rencana_aksi=world.plan).update(pagu=None)
    html = client.get(reverse("home")).content.decode()
    assert "20.000.000" in html and "(Σ kegiatan)" in html


def test_not_found_page_is_indonesian_and_reveals_nothing(client, world):
    client.force_login(world.dave)
    response = client.get(reverse("plan_editor", args=[world.plan.pk]))
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_home_offers_impor_dokumen_only_to_who_may_import(client, world):
    upload = reverse("import_upload")
    for persona, offered in (("alice", True), ("admin", True), ("kabid", False), ("eve", False)):
        client.force_login(getattr(world, persona))
        assert (upload in client.get(reverse("home")).content.decode()) is offered, persona
