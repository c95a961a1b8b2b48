"""row_move: up or down among siblings (row_move service); the section comes back re-rendered."""

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import Aksi, SubKegiatan
from tests.factories import submit
from tests.helpers import (
    OUTSIDERS,
    READ_ONLY,
    assert_login_redirect,
    assert_refused_read_only,
    plan_unchanged,
)


def url(jenis, obj, arah) -> str:
    return reverse("row_move", args=[jenis, obj.pk, arah])


def aksi_order(sub) -> list[str]:
    return list(Aksi.objects.filter(sub_kegiatan=sub).order_by("urutan", "id").values_list("uraian", flat=True))


def test_alice_moves_a_sub_kegiatan_down(login, rows):
    response = login("alice").post(url("subkegiatan", rows.sub_politik, "turun"))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "plan-changed"
    assert response["HX-Retarget"] == f"#bagian-kegiatan-{rows.kegiatan.pk}"  # its kegiatan section only
    order = list(SubKegiatan.objects.filter(kegiatan=rows.kegiatan).order_by("urutan").values_list("pk", flat=True))
    assert order == [rows.sub_ideologi.pk, rows.sub_politik.pk]
    html = response.content.decode()
    assert html.index(f'id="subkegiatan-{rows.sub_ideologi.pk}"') < html.index(f'id="subkegiatan-{rows.sub_politik.pk}"')


def test_kabid_reorders_the_aksi_of_his_bidang(login, rows):
    first, second = aksi_order(rows.sub_politik)
    second_aksi = Aksi.objects.get(sub_kegiatan=rows.sub_politik, uraian=second)
    assert login("kabid").post(url("aksi", second_aksi, "naik")).status_code == 200
    assert aksi_order(rows.sub_politik) == [second, first]


def test_kabid_cannot_reorder_structure_or_another_bidangs_aksi(login, rows):
    assert_refused_read_only(login("kabid").post(url("subkegiatan", rows.sub_politik, "turun")))
    assert_refused_read_only(login("kabid").post(url("aksi", rows.aksi_ideologi, "turun")))
    assert rows.aksi_ideologi.urutan == Aksi.objects.get(pk=rows.aksi_ideologi.pk).urutan


def test_moving_a_kegiatan_answers_with_its_programs_kegiatan_heads(login, rows):
    from renaksi.perencanaan import services as svc
    from renaksi.perencanaan.models import Kegiatan

    svc.kegiatan_create(program=rows.program, nama="Kegiatan kedua", kode="8.01.03.2.02")
    second = Kegiatan.objects.get(nama="Kegiatan kedua")
    response = login("alice").post(url("kegiatan", second, "naik"))
    assert response["HX-Retarget"] == f"#bagian-program-{rows.program.pk}"
    html = response.content.decode()
    assert html.index(f'id="bagian-kegiatan-{second.pk}"') < html.index(f'id="bagian-kegiatan-{rows.kegiatan.pk}"')
    assert 'class="row-aksi"' not in html  # heads only: the kegiatan open when asked


def test_sasaran_section_for_indicators(login, rows):
    response = login("alice").post(url("indikator", rows.iku, "turun"))
    assert response["HX-Retarget"] == f"#bagian-sasaran-{rows.sasaran.pk}"


def test_unknown_kind_or_direction_is_404(login, rows):
    client = login("alice")
    assert client.post(reverse("row_move", args=["target", rows.iku.pk, "naik"])).status_code == 404
    assert client.post(url("aksi", rows.aksi_politik, "kiri")).status_code == 404
    assert client.get(url("aksi", rows.aksi_politik, "naik")).status_code == 405


@pytest.mark.parametrize("persona", READ_ONLY)
def test_read_only_users_are_refused(login, rows, persona):
    before = aksi_order(rows.sub_politik)
    assert_refused_read_only(login(persona).post(url("aksi", rows.aksi_politik, "turun")))
    assert aksi_order(rows.sub_politik) == before


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, rows, persona):
    with plan_unchanged(rows.plan):
        assert login(persona).post(url("aksi", rows.aksi_politik, "turun")).status_code == 404


def test_anonymous_is_sent_to_login(login, rows):
    assert_login_redirect(login(None).post(url("aksi", rows.aksi_politik, "turun")))


def test_a_submitted_plan_refuses(login, rows):
    submit(rows.plan)
    before = aksi_order(rows.sub_politik)
    assert login("alice").post(url("aksi", rows.aksi_politik, "turun")).status_code == 403
    assert aksi_order(rows.sub_politik) == before
