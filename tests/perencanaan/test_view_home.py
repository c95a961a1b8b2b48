"""The home page offers editing only to who may edit (issue 18, "details a user tripped on"): the pencil on a plan's
"Buka" button and the "Impor dokumen" button were shown to every role, and led read-only roles to pages where
nothing could be changed. A kepala bidang may change his bidang's rows of a draft, so he keeps the pencil."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import RencanaAksi
from tests.factories import make_pd, make_plan

pytestmark = pytest.mark.django_db


def _home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(("persona", "pencil", "impor"), [
    ("alice", True, True), ("admin", True, True), ("kabid", True, False), ("bob", True, False),
    ("kepala", False, False), ("eve", False, False),
])
def test_pencil_and_import_only_for_who_may_edit(client, world, persona, pencil, impor):
    html = _home(client, getattr(world, persona))
    assert reverse("plan_editor", args=[world.plan.pk]) in html
    assert ('data-ikon="ubah"' in html) is pencil
    assert ('data-ikon="baca"' in html) is not pencil
    assert ('id="impor-dokumen"' in html) is impor


def test_nobody_gets_the_pencil_on_an_approved_plan(client, world):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    for persona in ("alice", "admin", "kabid"):
        html = _home(client, getattr(world, persona))
        assert 'data-ikon="ubah"' not in html and 'data-ikon="baca"' in html, persona


def test_outsiders_see_only_published_plans_read_only(client, world):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    html = _home(client, world.dave)  # perencana of another Pemda: his own plan, and alice's published one
    assert html.count('data-ikon="baca"') == 1 and html.count('data-ikon="ubah"') == 1


@pytest.mark.parametrize("n", [1, 6])
def test_home_keeps_a_constant_number_of_queries(client, world, django_assert_max_num_queries, n):
    for i in range(n):
        make_plan(make_pd(f"Dinas {i}", pemda="Contoh"))
    client.force_login(world.admin)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("home")).status_code == 200
