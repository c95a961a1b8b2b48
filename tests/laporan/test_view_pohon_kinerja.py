"""The pohon kinerja page: who may open it (the RA document page's rights), what it shows, CSP-clean markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import RencanaAksi


def url(plan) -> str:
    return reverse("pohon_kinerja", args=[plan.pk])


def svg_of(html: str) -> ET.Element:
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    return ET.fromstring(html[start:end])


@pytest.mark.parametrize("persona", ["alice", "kabid", "bob", "kepala", "eve"])
def test_readers_of_the_plan_see_the_tree(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.get(url(world.plan))
    assert response.status_code == 200
    html = response.content.decode()
    svg = svg_of(html)
    texts = " ".join(svg.itertext())
    for text in ("SASARAN STRATEGIS", "Meningkatnya partisipasi politik masyarakat", "Sub kegiatan uji 2",
                 "Pagu: Rp10.000.000", "Pagu: Rp20.000.000"):
        assert text in texts, text
    assert 'href="/static/renaksi/pohon.css"' in html and 'src="/static/renaksi/pohon.js"' in html
    assert " style=" not in html and "<style" not in html  # strict CSP
    assert "<script>" not in html.replace('<script src=', '')


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_users_of_other_pd_get_404(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(url(world.plan)).status_code == 404


def test_anonymous_only_for_a_published_plan(client, world):
    response = client.get(url(world.plan))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    response = client.get(url(world.plan))
    assert response.status_code == 200 and "Sub kegiatan uji 1" in response.content.decode()


def test_missing_plan_is_404(client, world):
    client.force_login(world.alice)
    assert client.get(reverse("pohon_kinerja", args=[999_999])).status_code == 404


def test_the_ra_document_links_to_the_tree(client, world):
    client.force_login(world.alice)
    assert f'href="{url(world.plan)}"' in client.get(reverse("ra_document", args=[world.plan.pk])).content.decode()
