"""indikator_edit: nama, satuan, formulasi, polaritas, akumulasi, jenis target, IKU, bidang of an indicator."""

import pytest
from django.urls import reverse

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)


def url(indikator) -> str:
    return reverse("indikator_edit", args=[indikator.pk])


def data(indikator, **changes) -> dict:
    return {"nama": indikator.nama, "satuan": indikator.satuan, "formulasi": indikator.formulasi,
            "polaritas": indikator.polaritas, "akumulasi": indikator.akumulasi,
            "jenis_target": indikator.jenis_target, "is_iku": "on" if indikator.is_iku else "",
            "bidang": str(indikator.bidang_id or "")} | changes


def fresh(indikator) -> Indikator:
    return Indikator.objects.get(pk=indikator.pk)


@pytest.fixture
def inferred(rows) -> Indikator:
    """The IKU as the importer leaves it: polaritas and akumulasi inferred from the document."""
    return svc.indikator_update(indikator=rows.iku, polaritas="positif", polaritas_disimpulkan=True,
                                akumulasi="kumulatif", akumulasi_disimpulkan=True,
                                alasan_inferensi="target triwulan cocok dengan jenis kumulatif")


def test_the_row_shows_the_inferred_badge(login, inferred):
    html = login("kepala").get(reverse("indikator_row", args=[inferred.pk])).content.decode()
    assert html.count("disimpulkan</span>") == 2
    assert "target triwulan cocok dengan jenis kumulatif" in html


def test_editing_the_name_keeps_the_inferred_marks(login, inferred):
    response = login("alice").post(url(inferred), data(inferred, formulasi="Jumlah pemilih / DPT × 100%"))
    assert response.status_code == 200
    i = fresh(inferred)
    assert i.formulasi == "Jumlah pemilih / DPT × 100%"
    assert i.polaritas_disimpulkan and i.akumulasi_disimpulkan


def test_choosing_the_accumulation_by_hand_clears_its_mark(login, inferred):
    login("alice").post(url(inferred), data(inferred, akumulasi="nilai_akhir"))
    i = fresh(inferred)
    assert i.akumulasi == "nilai_akhir" and not i.akumulasi_disimpulkan
    assert i.polaritas_disimpulkan


def test_alice_changes_polarity_and_bidang(login, rows, world):
    login("alice").post(url(rows.iku), data(rows.iku, polaritas="negatif", bidang=str(world.bidang_ideologi.pk)))
    i = fresh(rows.iku)
    assert (i.polaritas, i.bidang) == ("negatif", world.bidang_ideologi)


def test_invalid_choice_saves_nothing(login, rows):
    response = login("alice").post(url(rows.iku), data(rows.iku, nama="Baru", akumulasi="geometris"))
    assert response.status_code == 422
    assert fresh(rows.iku).nama != "Baru"


@pytest.mark.parametrize("change", [{"nama": "Baru"}, {"satuan": "%"}, {"formulasi": "a / b"},
                                    {"polaritas": "negatif"}, {"akumulasi": "nilai_akhir"},
                                    {"jenis_target": "kategori"}, {"is_iku": ""}])
def test_kabid_cannot_change_his_indicator_itself(login, rows, change):
    """docs/peran.md: a kepala bidang changes the targets of his bidang's indikator, not the indikator."""
    before = fresh(rows.iku)
    assert_refused_read_only(login("kabid").post(url(rows.iku), data(rows.iku, **change)))
    after = fresh(rows.iku)
    assert [getattr(after, f) for f in change] == [getattr(before, f) for f in change]


def test_kabid_is_not_offered_the_form_but_the_targets(login, rows):
    assert_refused_read_only(login("kabid").get(url(rows.iku)))
    row = login("kabid").get(reverse("indikator_row", args=[rows.iku.pk])).content.decode()
    assert url(rows.iku) not in row
    assert reverse("target_edit", args=[rows.iku.pk]) in row


@pytest.mark.parametrize("persona", ["bob", *READ_ONLY])
def test_others_are_refused(login, rows, persona):
    assert_refused_read_only(login(persona).post(url(rows.iku), data(rows.iku, nama="Baru")))
    assert fresh(rows.iku).nama != "Baru"


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url(rows.iku), data(rows.iku)).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url(rows.iku), data(rows.iku)))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    with plan_unchanged(rows.plan):
        assert login("alice").post(url(rows.iku), data(rows.iku, nama="Baru")).status_code == 403
    assert fresh(rows.iku).nama != "Baru"
