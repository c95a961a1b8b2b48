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
