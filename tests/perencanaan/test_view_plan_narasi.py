"""plan_narasi and rencana_aksi_set_narasi: the foreword and BAB I–III of the RA document, edited by the plan's
editors (the perencana of the PD, the admin of its Pemda) on a draft plan; the default where the PD wrote nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renaksi.perencanaan import narasi, selectors, services
from renaksi.perencanaan.models import NARASI_MAKS, RencanaAksi
from tests.factories import make_plan, submit
from tests.helpers import OUTSIDERS, READ_ONLY, plan_unchanged

EMPTY = {nama: "" for nama in narasi.NAMA}
OWN = "Puji syukur, dokumen Rencana Aksi Kesbangpol Kota Contoh Tahun 2024 selesai disusun.\n\nTerima kasih."


def url(plan) -> str:
    return reverse("plan_narasi", args=[plan.pk])


def stored(plan) -> dict[str, str]:
    plan = RencanaAksi.objects.get(pk=plan.pk)
    return {nama: getattr(plan, narasi.field_name(nama)) for nama in narasi.NAMA}


def test_defaults_name_the_pd_the_pemda_and_the_year(world):
    teks = narasi.bawaan(selectors.narasi_konteks(rencana_aksi=world.plan))
    assert set(teks) == set(narasi.NAMA)
    pd = "Badan Kesatuan Bangsa dan Politik Kota Contoh"  # make_world(): the PD of Pemda "Contoh", a kota
    assert f"dokumen Rencana Aksi {pd} Tahun 2024 dapat diselesaikan" in teks["kata_pengantar"]
    assert "Peraturan Presiden Nomor 29 Tahun 2014" in teks["latar_belakang"]
    assert "a. untuk merencanakan pencapaian target kinerja Tahun 2024 secara berkala;" in teks["maksud_tujuan"]
    assert teks["sistematika"].startswith(f"Sistematika penulisan Rencana Aksi {pd} Tahun 2024")
    # 2.1 lists the plan's sasaran strategis (make_plan: one).
    assert teks["rencana_strategis"].endswith("\n1. Meningkatnya partisipasi politik masyarakat")
    assert pd in teks["penutup"]


def test_alice_opens_the_form_with_the_defaults(login, world):
    html = login("alice").get(url(world.plan)).content.decode()
    assert "Narasi dokumen" in html
    assert "Badan Kesatuan Bangsa dan Politik Kota Contoh Tahun 2024 dapat diselesaikan" in html  # the default
    assert html.count("teks bawaan") >= len(narasi.NAMA)


def test_alice_writes_her_own_foreword_and_the_document_prints_it(login, world):
    client = login("alice")
    response = client.post(url(world.plan), EMPTY | {"kata_pengantar": OWN.replace("\n", "\r\n") + "  \r\n"})
    assert response.status_code == 302 and response["Location"] == url(world.plan)
    assert stored(world.plan) == EMPTY | {"kata_pengantar": OWN}  # line breaks made plain, nothing else stored
    page = client.get(url(world.plan)).content.decode()
    assert "Narasi dokumen disimpan." in page and "teks PD" in page
    document = client.get(reverse("ra_document", args=[world.plan.pk])).content.decode()
    assert "Puji syukur, dokumen Rencana Aksi Kesbangpol Kota Contoh Tahun 2024 selesai disusun." in document


def test_saving_the_default_unchanged_keeps_it_the_default(login, world):
    client = login("alice")
    shown = narasi.bawaan(selectors.narasi_konteks(rencana_aksi=world.plan))
    assert client.post(url(world.plan), shown).status_code == 302
    assert stored(world.plan) == EMPTY
    # Emptying a part written by the PD goes back to the default.
    services.rencana_aksi_set_narasi(rencana_aksi=world.plan, by=world.alice, penutup="Penutup sendiri.")
    client.post(url(world.plan), shown | {"penutup": ""})
    assert stored(world.plan)["penutup"] == ""


def test_admin_pemda_may_edit(login, world):
    assert login("admin").post(url(world.plan), EMPTY | {"penutup": "Penutup."}).status_code == 302
    assert stored(world.plan)["penutup"] == "Penutup."


def test_too_long_a_text_is_refused_with_its_name(login, world):
    with plan_unchanged(world.plan):
        response = login("alice").post(url(world.plan), EMPTY | {"latar_belakang": "x" * (NARASI_MAKS + 1)})
    assert response.status_code == 422
    assert f"Latar belakang paling panjang {NARASI_MAKS} karakter" in response.content.decode()
    assert stored(world.plan) == EMPTY


@pytest.mark.parametrize("persona", ["kabid", "bob", *READ_ONLY])
def test_readers_are_refused_and_see_no_link(login, world, persona):
    client = login(persona)
    assert client.get(url(world.plan)).status_code == 403
    assert client.post(url(world.plan), EMPTY | {"kata_pengantar": OWN}).status_code == 403
    assert stored(world.plan) == EMPTY
    assert url(world.plan) not in client.get(reverse("plan_editor", args=[world.plan.pk])).content.decode()


def test_the_editor_links_the_form_for_alice(login, world):
    html = login("alice").get(reverse("plan_editor", args=[world.plan.pk])).content.decode()
    assert f'href="{url(world.plan)}"' in html


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_404(login, world, persona):
    client = login(persona)
    assert client.get(url(world.plan)).status_code == 404
    assert client.post(url(world.plan), EMPTY | {"kata_pengantar": OWN}).status_code == 404
    assert stored(world.plan) == EMPTY


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(url(world.plan))
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_a_plan_that_left_draft_is_refused_with_a_message(login, world):
    submit(world.plan)
    client = login("alice")
    response = client.post(url(world.plan), EMPTY | {"kata_pengantar": OWN})
    assert response.status_code == 403
    assert "Rencana aksi ini berstatus &#x27;Diajukan&#x27; dan tidak dapat diubah" in response.content.decode()
    assert stored(world.plan) == EMPTY
    assert url(world.plan) not in client.get(reverse("plan_editor", args=[world.plan.pk])).content.decode()


def test_the_service_checks_rights_and_state(world):
    with pytest.raises(PermissionDenied):
        services.rencana_aksi_set_narasi(rencana_aksi=world.plan, by=world.kabid, kata_pengantar=OWN)
    with pytest.raises(PermissionDenied):
        services.rencana_aksi_set_narasi(rencana_aksi=world.plan, by=world.charlie, kata_pengantar=OWN)
    submit(world.plan)
    with pytest.raises(ValidationError, match="berstatus 'Diajukan' dan tidak dapat diubah"):
        services.rencana_aksi_set_narasi(rencana_aksi=world.plan, by=world.alice, kata_pengantar=OWN)
    assert stored(world.plan) == EMPTY


def test_the_page_reads_a_constant_number_of_queries(login, world):
    client = login("alice")
    counts = []
    for n in (1, 30):
        plan = make_plan(world.pd, tahun=2030 + n, n_sub_kegiatan=n)
        for i in range(n):
            services.sasaran_create(rencana_aksi=plan, uraian=f"Sasaran strategis {i}")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(plan)).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
