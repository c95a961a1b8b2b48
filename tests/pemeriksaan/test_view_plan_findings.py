"""The findings panel (GET) with personas, and its number of queries."""

import pytest
from django.urls import reverse

from renaksi.pemeriksaan.findings import Severity
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import SubKegiatan
from tests.factories import make_plan

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(plan):
    return reverse("plan_findings", args=[plan.pk])


def _break_budget(plan, pagu=12_000_000):
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=pagu)
    return sub


@pytest.mark.parametrize("persona", ["alice", "kabid", "bob", "kepala", "eve", "admin"])
def test_everyone_who_may_view_the_plan_sees_the_panel(client, world, persona):
    _break_budget(world.plan)
    client.force_login(getattr(world, persona))
    response = client.get(_url(world.plan), **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "pagu.rollup_mismatch" in html
    assert 'data-count="error"' in html
    assert "<html" not in html  # a partial for htmx


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_outsiders_get_404(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(_url(world.plan), **HTMX).status_code == 404
    assert client.get(reverse("plan_findings", args=[999_999])).status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(_url(world.plan))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_panel_shows_counts_message_place_values_and_a_link_to_the_row(client, world):
    sub = _break_budget(world.plan)
    client.force_login(world.alice)
    html = client.get(_url(world.plan), **HTMX).content.decode()
    kegiatan_id = sub.kegiatan_id
    assert f'{reverse("plan_editor", args=[world.plan.pk])}#kegiatan-{kegiatan_id}' in html
    assert "Rp20.000.000" in html and "Rp22.000.000" in html  # message
    assert "1 kesalahan" in html and "0 peringatan" in html
    assert "-2.000.000" in html  # values, Indonesian form
    assert 'name="catatan"' in html  # alice may acknowledge


@pytest.mark.parametrize("persona", ["kepala", "eve", "bob"])
def test_read_only_users_see_no_acknowledge_form(client, world, persona):
    _break_budget(world.plan)
    client.force_login(getattr(world, persona))
    html = client.get(_url(world.plan), **HTMX).content.decode()
    assert "pagu.rollup_mismatch" in html
    assert 'name="catatan"' not in html


def test_without_htmx_the_panel_is_a_full_page(client, world):
    client.force_login(world.alice)
    response = client.get(_url(world.plan))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and "pemeriksaan-panel" in html
    assert "Tidak ada temuan" in html


def _plan_with_problems(pd, n_sub):
    plan = make_plan(pd, tahun=2030 + n_sub % 7, n_sub_kegiatan=n_sub, aksi_per_sub=2)
    for i, sub in enumerate(SubKegiatan.objects.filter(rencana_aksi=plan).order_by("id")):
        if i % 2 == 0:
            svc.anggaran_update(obj=sub, pagu=sub.pagu + 1)  # kegiatan roll-up
        aksi = sub.aksi.order_by("id").first()
        svc.aksi_update(aksi=aksi, keluaran="", bulan=[])  # per-aksi warnings
    return plan


@pytest.mark.parametrize("n_sub", [5, 50])
def test_the_panel_needs_the_same_number_of_queries_for_5_and_50_sub_kegiatan(
    client, world, django_assert_max_num_queries, n_sub
):
    plan = _plan_with_problems(world.pd, n_sub)
    client.force_login(world.kabid)  # a kepala bidang: permission checked per finding
    # 21: the plan snapshot (plan_data), its monitoring data for the realisasi rules (3), session, user,
    # acknowledgements, the triwulan reports' states and the findings recorded at the latest submission.
    with django_assert_max_num_queries(21):
        response = client.get(_url(plan), **HTMX)
    assert response.status_code == 200
    assert response.content.decode().count('data-severity="warning"') >= n_sub


def test_severity_order_errors_first(client, world):
    _break_budget(world.plan)
    svc.aksi_update(aksi=world.plan and SubKegiatan.objects.filter(rencana_aksi=world.plan).first().aksi.first(),
                    keluaran="")
    client.force_login(world.alice)
    html = client.get(_url(world.plan), **HTMX).content.decode()
    assert html.index(f'data-severity="{Severity.ERROR}"') < html.index(f'data-severity="{Severity.WARNING}"')
