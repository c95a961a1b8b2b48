"""The versions of a plan in the editor ('Buat perubahan', the version list, the banner on an old version) and the
comparison page between two versions (rencana_aksi_banding), with personas."""

from __future__ import annotations

from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, Program, RencanaAksi, SubKegiatan
from tests.factories import make_plan
from tests.helpers import OUTSIDERS, plan_unchanged, table_counts

pytestmark = pytest.mark.django_db


def approve(plan: RencanaAksi, status: str = RencanaAksi.Status.DISETUJUI) -> RencanaAksi:
    RencanaAksi.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    return plan


def banding(lama, baru) -> str:
    return reverse("rencana_aksi_banding", args=[lama.pk, baru.pk])


def _xpath(selector: str) -> str:
    """The few CSS selectors used here ("tr.diff-x td.uraian", "#id a", "h1") as XPath (no cssselect installed)."""
    steps = []
    for part in selector.split():
        tag, _hash, ident = part.partition("#")
        tag, *classes = (tag or "*").split(".")
        conds = [f"@id='{ident}'"] if ident else []
        conds += [f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in classes]
        steps.append(tag + "".join(f"[{c}]" for c in conds))
    return "//" + "//".join(steps)


def select(html: str, selector: str) -> list:
    doc = lxml.html.document_fromstring(html)
    return [e for alternative in selector.split(",") for e in doc.xpath(_xpath(alternative.strip()))]


def text(html: str, selector: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in select(html, selector)]


@pytest.fixture
def versions(world):
    """Murni (approved) and Perubahan 1 (draft) of alice's plan, with changes of every kind made in Perubahan 1."""
    murni = approve(world.plan)
    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=murni, by=world.alice)
    iku = Indikator.objects.get(rencana_aksi=baru)
    svc.target_set(indikator=iku, tahun=2024, triwulan=2, nilai=Decimal("25"))
    program = Program.objects.get(rencana_aksi=baru)
    svc.anggaran_update(obj=program, pagu=25_000_000)
    subs = list(SubKegiatan.objects.filter(rencana_aksi=baru).order_by("urutan", "id"))
    first = Aksi.objects.filter(sub_kegiatan=subs[0]).order_by("urutan", "id").first()
    svc.aksi_update(aksi=first, bulan=[4, 5])
    gone = Aksi.objects.filter(sub_kegiatan=subs[1]).order_by("urutan", "id").last()
    gone_uraian = gone.uraian
    svc.row_delete(obj=gone)
    svc.aksi_create(sub_kegiatan=subs[1], uraian="Sosialisasi wawasan kebangsaan di sekolah", nomor="3",
                    bulan=[8], pagu=1_500_000)
    return murni, baru, first, gone_uraian


def test_the_diff_page_shows_each_change_old_to_new(client, world, versions):
    murni, baru, first, gone_uraian = versions
    client.force_login(world.alice)
    response = client.get(banding(murni, baru))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Murni → Perubahan 1" in text(html, "h1")[0]
    changed = text(html, "td.berubah")
    assert "20 → 25" in changed  # TW II target
    assert "Rp20.000.000 → Rp25.000.000" in changed  # program pagu
    assert "Jan, Feb, Mar → Apr, Mei" in changed  # the schedule
    added = text(html, "tr.diff-ditambah td.uraian")
    removed = text(html, "tr.diff-dihapus td.uraian")
    assert added == ["Aksi Sosialisasi wawasan kebangsaan di sekolah"]
    assert removed == [f"Aksi {gone_uraian}"]
    # The same page either way round: the older version is always 'lama'.
    assert client.get(banding(baru, murni)).content.decode().count('class="diff-ditambah') == html.count(
        'class="diff-ditambah')


def test_two_equal_versions_say_so(client, world):
    murni = approve(world.plan)
    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=murni, by=world.alice)
    client.force_login(world.kepala)
    html = client.get(banding(murni, baru)).content.decode()
    assert "Tidak ada perbedaan isi antara kedua versi." in html
    assert not text(html, "tr.diff-ditambah, tr.diff-dihapus, tr.diff-diubah")


@pytest.mark.parametrize("persona", ["alice", "kabid", "bob", "kepala", "eve", "admin"])
def test_whoever_sees_the_plan_sees_the_diff(client, world, versions, persona):
    murni, baru, *_ = versions
    client.force_login(getattr(world, persona))
    assert client.get(banding(murni, baru)).status_code == 200


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404_while_a_version_is_a_draft(client, world, versions, persona):
    murni, baru, *_ = versions
    client.force_login(getattr(world, persona))
    assert client.get(banding(murni, baru)).status_code == 404  # Perubahan 1 is a draft of another PD


def test_plans_of_another_pd_or_year_are_not_compared(client, world):
    other_year = approve(make_plan(world.pd, tahun=2025))
    client.force_login(world.admin)
    assert client.get(banding(world.plan, other_year)).status_code == 404
    assert client.get(banding(world.plan, world.foreign_plan)).status_code == 404
    assert client.get(reverse("rencana_aksi_banding", args=[world.plan.pk, 999999])).status_code == 404


@pytest.mark.parametrize("n_sub_kegiatan", [3, 30])
def test_constant_number_of_queries(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    murni = approve(make_plan(world.pd, tahun=2025, n_sub_kegiatan=n_sub_kegiatan))
    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=murni, by=world.alice)
    client.force_login(world.alice)
    with django_assert_max_num_queries(30):
        response = client.get(banding(murni, baru))
    assert response.content.decode().count("banding-aksi") == 2 * n_sub_kegiatan


# --- The editor: the button, the list of versions, the banner ------------------------------------------------


def editor(client, plan) -> str:
    return client.get(reverse("plan_editor", args=[plan.pk])).content.decode()


@pytest.mark.parametrize("persona", ["alice", "admin"])
def test_buat_perubahan_is_offered_on_an_approved_plan_to_its_editors(client, world, persona):
    approve(world.plan)
    client.force_login(getattr(world, persona))
    assert 'id="buat-perubahan"' in editor(client, world.plan)


@pytest.mark.parametrize("persona", ["kabid", "bob", "kepala", "eve"])
def test_buat_perubahan_is_not_offered_to_readers(client, world, persona):
    approve(world.plan)
    client.force_login(getattr(world, persona))
    assert 'id="buat-perubahan"' not in editor(client, world.plan)


def test_buat_perubahan_is_not_offered_on_a_draft(client, world):
    client.force_login(world.alice)
    assert 'id="buat-perubahan"' not in editor(client, world.plan)


def test_buat_perubahan_opens_the_new_draft(client, world):
    approve(world.plan)
    client.force_login(world.alice)
    response = client.post(reverse("rencana_aksi_perubahan", args=[world.plan.pk]))
    baru = RencanaAksi.objects.get(induk=world.plan)
    assert response.status_code == 302 and response["Location"] == reverse("plan_editor", args=[baru.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Perubahan 1 dibuat dari Murni." in html
    assert text(html, "#versi-rencana-aksi a")[:2] == ["Murni", "bandingkan"]
    assert 'id="buat-perubahan"' not in html  # a draft


def test_the_old_version_is_read_only_with_a_banner_to_the_newest(client, world):
    approve(world.plan)
    baru = svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice)
    client.force_login(world.alice)
    html = editor(client, world.plan)
    banner = text(html, "#versi-lama")[0]
    assert banner.startswith("Versi lama — Ini Murni; versi terbaru adalah Perubahan 1.")
    links = select(html, "#versi-lama a")
    assert links[0].get("href") == reverse("plan_editor", args=[baru.pk])
    assert links[1].get("href") == banding(world.plan, baru)
    assert 'id="buat-perubahan"' not in html and "hx-get=\"/sasaran/" not in html
    # Still readable and printable: the RA document of the old version.
    assert client.get(reverse("ra_document", args=[world.plan.pk])).status_code == 200


@pytest.mark.parametrize("status", ["draft", "diajukan"])
def test_post_on_a_plan_not_approved_answers_422_with_the_reason(client, world, status):
    approve(world.plan, status)
    client.force_login(world.alice)
    counts = table_counts()
    with plan_unchanged(world.plan):
        response = client.post(reverse("rencana_aksi_perubahan", args=[world.plan.pk]))
    assert response.status_code == 422
    assert "sudah disetujui atau dikunci" in text(response.content.decode(), "#perubahan-error")[0]
    assert table_counts() == counts


def test_post_when_a_newer_version_exists_answers_422(client, world):
    approve(world.plan)
    approve(svc.rencana_aksi_buat_perubahan(rencana_aksi=world.plan, by=world.alice))
    client.force_login(world.alice)
    counts = table_counts()
    response = client.post(reverse("rencana_aksi_perubahan", args=[world.plan.pk]))
    assert response.status_code == 422 and "Perubahan 1" in text(response.content.decode(), "#perubahan-error")[0]
    assert table_counts() == counts


@pytest.mark.parametrize(("persona", "status"), [("kabid", 403), ("bob", 403), ("kepala", 403), ("eve", 403),
                                                 ("charlie", 403), ("dave", 403)])
def test_post_by_who_may_not_is_refused(client, world, persona, status):
    """The plan is approved, so everyone may read it: 403, not 404."""
    approve(world.plan)
    client.force_login(getattr(world, persona))
    counts = table_counts()
    assert client.post(reverse("rencana_aksi_perubahan", args=[world.plan.pk])).status_code == status
    assert table_counts() == counts


def test_post_on_a_draft_of_another_pd_is_404(client, world):
    client.force_login(world.dave)
    assert client.post(reverse("rencana_aksi_perubahan", args=[world.plan.pk])).status_code == 404
