"""The home page's list of plans (40+ in the demo's Kota Sintetis): search by PD name or singkatan, a status filter
with its counts as chips, pages of 25; the same few queries however many plans."""

import re

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.selectors import HOME_PER_HALAMAN
from tests.factories import empty_plan, make_pd

pytestmark = pytest.mark.django_db


def _pds(n: int, pemda: str = "Contoh") -> list[RencanaAksi]:
    plans = []
    for i in range(n):
        pd = make_pd(f"Dinas Uji {i:02d}", pemda=pemda, singkatan=f"DU{i:02d}")
        plans.append(empty_plan(pd))
    return plans


def _get(client, user, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("home"), params)
    assert response.status_code == 200
    return response.content.decode()


def _chip(html: str, status: str) -> int:
    return int(re.search(rf'data-jumlah="{status}">(\d+)<', html).group(1))


def test_search_by_name_or_singkatan(client, world):
    _pds(3)
    html = _get(client, world.admin, q="dinas uji 01")
    assert "Dinas Uji 01" in html and "Dinas Uji 02" not in html and world.pd.nama not in html
    html = _get(client, world.admin, q="kesbangpol")  # the singkatan of alice's PD, any case
    assert world.pd.nama in html and "Dinas Uji" not in html
    html = _get(client, world.admin, q="tidak ada")
    assert "Tidak ada rencana aksi yang cocok" in html


def test_status_filter_and_its_counts(client, world):
    plans = _pds(3)
    RencanaAksi.objects.filter(pk=plans[0].pk).update(status=RencanaAksi.Status.DIAJUKAN)
    RencanaAksi.objects.filter(pk=plans[1].pk).update(status=RencanaAksi.Status.DIKEMBALIKAN)
    html = _get(client, world.admin)
    # admin pemda of Contoh: alice's plan and the three new ones are his Pemda's; the foreign plan is a draft
    assert _chip(html, "semua") == 4 and _chip(html, "draft") == 2 and _chip(html, "diajukan") == 1
    assert _chip(html, "dikembalikan") == 1 and _chip(html, "disetujui") == 0 and _chip(html, "terkunci") == 0
    html = _get(client, world.admin, status="diajukan")
    assert "Dinas Uji 00" in html and "Dinas Uji 01" not in html and "Dinas Uji 02" not in html
    assert 'aria-current="true">Diajukan' in html
    assert _chip(html, "draft") == 2  # the chips keep counting every status
    html = _get(client, world.admin, status="diajukan", q="01")  # search and filter together
    assert "Dinas Uji" not in html and _chip(html, "dikembalikan") == 1 and _chip(html, "semua") == 1
    html = _get(client, world.admin, status="bukan-status")  # ignored, not an error
    assert "Dinas Uji 02" in html


@pytest.mark.parametrize(("persona", "sees"), [
    ("alice", {"own"}), ("kepala", {"own"}), ("kabid", {"own"}), ("eve", {"own", "other"}),
    ("admin", {"own", "other"}), ("charlie", {"other"}), ("dave", {"foreign"}),
])
def test_each_persona_counts_only_the_plans_he_may_open(client, world, persona, sees):
    other = empty_plan(world.other_pd)  # charlie's PD, same Pemda, draft
    html = _get(client, getattr(world, persona))
    assert (reverse("plan_editor", args=[world.plan.pk]) in html) is ("own" in sees)
    assert (reverse("plan_editor", args=[other.pk]) in html) is ("other" in sees)
    assert (reverse("plan_editor", args=[world.foreign_plan.pk]) in html) is ("foreign" in sees)
    assert _chip(html, "semua") == len(sees)


def test_pages_of_25_keep_search_and_filter(client, world):
    _pds(HOME_PER_HALAMAN + 5)
    html = _get(client, world.admin, q="Dinas Uji")
    assert html.count('data-ikon="') == HOME_PER_HALAMAN and "Halaman 1 dari 2" in html
    assert "?q=Dinas+Uji&amp;halaman=2" in html
    html = _get(client, world.admin, q="Dinas Uji", halaman="2")
    assert html.count('data-ikon="') == 5 and "Dinas Uji 29" in html
    assert _get(client, world.admin, halaman="99").count('data-ikon="') > 0  # past the end: the last page


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("home"), {"q": "dinas"})
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("n", [2, 40])
def test_queries_do_not_grow_with_the_number_of_plans(client, world, django_assert_max_num_queries, n):
    _pds(n)
    client.force_login(world.admin)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("home"), {"q": "Dinas", "status": "draft"}).status_code == 200
