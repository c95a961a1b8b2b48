from django.urls import reverse


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


def test_pages_reference_no_external_hosts(client, world):
    client.force_login(world.alice)
    html = client.get(reverse("home")).content.decode()
    assert "https://" not in html and "http://cdn" not in html


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
