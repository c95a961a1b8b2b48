"""GET /monev/indikator/<id>/: one indikator through the year (drill-down from the dashboards)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.monev import services as monev


def test_quarters_with_capaian_formula_evaluasi_and_forecast(client, world, rows):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=Decimal("5"))
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, faktor_penghambat="Cuaca buruk")
    client.force_login(world.eve)
    response = client.get(reverse("monev_indikator", args=[rows.iku.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "50,00%" in html and "5 ÷ 10 × 100" in html and "Cuaca buruk" in html
    assert "berisiko" in html  # half of the pace: the year-end forecast is 40 of 80


@pytest.mark.parametrize("persona,status", [("alice", 200), ("bob", 200), ("kepala", 200), ("admin", 200),
                                            ("charlie", 404), ("dave", 404)])
def test_who_may_read(client, world, rows, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("monev_indikator", args=[rows.iku.pk])).status_code == status


@pytest.mark.parametrize("persona,links", [("alice", False), ("bob", False), ("kepala", False), ("admin", True),
                                           ("eve", True)])
def test_the_breadcrumb_offers_the_pemda_dashboard_only_to_who_may_open_it(client, world, rows, persona, links):
    """The PD's own users get 403 from the Pemda dashboard: the breadcrumb does not lead them there."""
    user = getattr(world, persona)
    client.force_login(user)
    html = client.get(reverse("monev_indikator", args=[rows.iku.pk])).content.decode()
    assert (f'href="{reverse("dasbor_pemda")}' in html) is links
    assert client.get(reverse("dasbor_pemda")).status_code == (200 if links else 403)
    assert reverse("dasbor_pd", args=[world.plan.pk]) in html  # the PD's own dashboard stays one click away
