"""Evaluator notes: who writes, answers, resolves and reopens them (services and views), the editor's badges, and
the plain rows the monev report prints."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi, SubKegiatan
from renaksi.riwayat import selectors
from renaksi.riwayat.models import Catatan
from renaksi.riwayat.services import catatan_balas, catatan_buat, catatan_buka_kembali, catatan_selesaikan
from tests.factories import make_plan
from tests.monev.isi import monev_html

pytestmark = pytest.mark.django_db


def _iku(plan):
    return Indikator.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()


def _aksi_of(world, bidang):
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan, bidang=bidang).first()
    return Aksi.objects.select_related("sub_kegiatan").filter(sub_kegiatan=sub).first()


def test_evaluator_writes_pd_answers_resolves_and_evaluator_reopens(world):
    iku = _iku(world.plan)
    note = catatan_buat(baris=iku, teks="Target TW II tidak konsisten dengan target tahunan.", by=world.eve)
    assert note.terbuka and note.jenis == "indikator" and note.objek_id == iku.pk
    catatan_balas(catatan=note, teks="Sudah kami perbaiki.", by=world.alice)
    catatan_balas(catatan=note, teks="Target tahunan tetap 80.", by=world.kepala)
    catatan_selesaikan(catatan=note, by=world.alice)
    note.refresh_from_db()
    assert not note.terbuka and note.status_oleh == world.alice
    with pytest.raises(ValidationError, match="sudah selesai"):
        catatan_selesaikan(catatan=note, by=world.eve)
    catatan_buka_kembali(catatan=note, by=world.eve)
    note.refresh_from_db()
    assert note.terbuka
    assert [c.teks for c in note.balasan.order_by("id")] == ["Sudah kami perbaiki.", "Target tahunan tetap 80."]
    assert note.history.count() == 3  # created, resolved, reopened; every write names its user
    assert {h.history_user for h in note.history.all()} == {world.eve, world.alice}


@pytest.mark.parametrize("persona", ["alice", "kabid", "bob", "kepala", "charlie", "dave"])
def test_only_evaluators_and_admin_pemda_start_a_thread(world, persona):
    with pytest.raises(PermissionDenied, match="evaluator"):
        catatan_buat(baris=_iku(world.plan), teks="catatan", by=getattr(world, persona))
    assert not Catatan.objects.exists()


def test_admin_pemda_starts_a_thread_but_not_on_another_pemda(world):
    catatan_buat(baris=_iku(world.plan), teks="Periksa satuan.", by=world.admin)
    with pytest.raises(PermissionDenied):
        catatan_buat(baris=_iku(world.foreign_plan), teks="x", by=world.admin)


def test_kepala_bidang_answers_only_the_rows_of_his_bidang(world):
    aksi = _aksi_of(world, world.bidang_politik)
    note = catatan_buat(baris=aksi, teks="Keluaran belum terukur.", by=world.eve)
    catatan_balas(catatan=note, teks="Diganti menjadi 12 laporan.", by=world.kabid)
    with pytest.raises(PermissionDenied, match="hanya dapat membacanya"):
        catatan_balas(catatan=note, teks="saya juga", by=world.bob)  # another bidang: reads, does not answer
    with pytest.raises(PermissionDenied):
        catatan_selesaikan(catatan=note, by=world.bob)
    for outsider in (world.charlie, world.dave):
        with pytest.raises(PermissionDenied, match="bukan milik"):
            catatan_balas(catatan=note, teks="x", by=outsider)
    assert note.balasan.count() == 1


def test_bad_input_is_refused_with_the_field(world):
    with pytest.raises(ValidationError, match="Tulis isi catatan"):
        catatan_buat(baris=_iku(world.plan), teks="   ", by=world.eve)
    with pytest.raises(ValidationError, match="hanya pada realisasi indikator"):
        catatan_buat(baris=_aksi_of(world, world.bidang_politik), teks="x", triwulan=2, by=world.eve)
    with pytest.raises(ValidationError, match="Triwulan harus 1–4"):
        catatan_buat(baris=_iku(world.plan), teks="x", triwulan=5, by=world.eve)
    assert not Catatan.objects.exists()


# --- Views ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona, status", [("alice", 200), ("kabid", 200), ("bob", 200), ("kepala", 200),
                                             ("eve", 200), ("admin", 200), ("charlie", 404), ("dave", 404)])
def test_thread_and_panel_per_persona(client, world, persona, status):
    iku = _iku(world.plan)
    catatan_buat(baris=iku, teks="Catatan untuk dibaca.", by=world.eve)
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)  # notes stay private
    client.force_login(getattr(world, persona))
    assert client.get(reverse("catatan_baris", args=["indikator", iku.pk])).status_code == status
    assert client.get(reverse("catatan_panel", args=[world.plan.pk])).status_code == status


def test_anonymous_gets_the_login(client, world):
    response = client.get(reverse("catatan_baris", args=["indikator", _iku(world.plan).pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    response = client.get(reverse("catatan_panel", args=[world.plan.pk]))
    assert response.status_code == 302


def test_views_write_answer_and_refuse(client, world):
    aksi = _aksi_of(world, world.bidang_politik)
    url = reverse("catatan_baris", args=["aksi", aksi.pk])
    client.force_login(world.eve)
    response = client.post(url, {"teks": "Jadwal aksi tidak sesuai DPA."})
    assert response.status_code == 200 and response["HX-Trigger"] == "catatan-changed"
    note = Catatan.objects.get()
    assert "Jadwal aksi tidak sesuai DPA." in response.content.decode()
    assert client.post(url, {"teks": ""}).status_code == 422
    client.force_login(world.alice)
    assert client.post(url, {"teks": "perencana tidak menulis catatan baru"}).status_code == 403
    response = client.post(reverse("catatan_balas", args=[note.pk]), {"teks": "Jadwal sudah disesuaikan."})
    assert response.status_code == 200 and "Jadwal sudah disesuaikan." in response.content.decode()
    client.force_login(world.bob)
    response = client.post(reverse("catatan_status", args=[note.pk, "selesai"]))
    assert response.status_code == 403 and response["HX-Retarget"] == "#editor-alert"
    client.force_login(world.kabid)
    assert client.post(reverse("catatan_status", args=[note.pk, "selesai"])).status_code == 200
    note.refresh_from_db()
    assert not note.terbuka
    client.force_login(world.dave)
    assert client.post(reverse("catatan_status", args=[note.pk, "buka"])).status_code == 404
    assert client.post(reverse("catatan_balas", args=[note.pk]), {"teks": "x"}).status_code == 404


def test_editor_shows_the_open_count_next_to_the_row(client, world):
    iku = _iku(world.plan)
    first = catatan_buat(baris=iku, teks="Satu.", by=world.eve)
    catatan_buat(baris=iku, teks="Dua.", by=world.admin)
    client.force_login(world.alice)
    editor = client.get(reverse("plan_editor", args=[world.plan.pk])).content.decode()
    section_url = reverse("rencana_aksi_bagian", args=[world.plan.pk, "sasaran", iku.sasaran_id])
    section = client.get(section_url).content.decode()  # the row is in its section, loaded when opened
    assert f'id="catatan-indikator-{iku.pk}"' in section and reverse("catatan_panel", args=[world.plan.pk]) in editor
    assert "bagian-dimuat from:body" in editor  # opening a section fills its badges
    assert "catatan-baru" not in section  # the perencana answers; he does not start threads
    panel = client.get(reverse("catatan_panel", args=[world.plan.pk])).content.decode()
    badge = panel.split(f'id="catatan-indikator-{iku.pk}"')[1].split("</span>")[0]
    assert 'hx-swap-oob="true"' in badge and "</i> 2</button>" in badge
    catatan_selesaikan(catatan=first, by=world.alice)
    panel = client.get(reverse("catatan_panel", args=[world.plan.pk])).content.decode()
    assert "</i> 1</button>" in panel.split(f'id="catatan-indikator-{iku.pk}"')[1].split("</span>")[0]
    client.force_login(world.eve)
    assert "catatan-baru" in client.get(section_url).content.decode()


@pytest.mark.parametrize("n_sub_kegiatan", [3, 30])
def test_panel_constant_queries(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.pd, tahun=2026, n_sub_kegiatan=n_sub_kegiatan)
    for aksi in Aksi.objects.filter(rencana_aksi=plan).select_related("sub_kegiatan"):
        note = catatan_buat(baris=aksi, teks="Periksa keluaran.", by=world.eve)
        catatan_balas(catatan=note, teks="Baik.", by=world.alice)
    catatan_buat(baris=_iku(plan), teks="Satuan?", by=world.eve)
    client.force_login(world.kepala)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("catatan_panel", args=[plan.pk]))
    assert response.content.decode().count('hx-swap-oob="true"') == 2 * n_sub_kegiatan + 1


def test_catatan_terbuka_gives_plain_rows_for_the_monev_report(world):
    iku = _iku(world.plan)
    note = catatan_buat(baris=iku, teks="Realisasi TW II melebihi target tanpa penjelasan.", triwulan=2, by=world.eve)
    catatan_balas(catatan=note, teks="Ada kegiatan tambahan.", by=world.alice)
    done = catatan_buat(baris=iku, teks="Sudah beres.", triwulan=2, by=world.eve)
    catatan_selesaikan(catatan=done, by=world.eve)
    catatan_buat(baris=iku, teks="Catatan rencana, bukan monev.", by=world.eve)
    (row,) = selectors.catatan_terbuka(rencana_aksi=world.plan, triwulan=2)
    assert row.baris == f"Indikator: {iku.nama}"
    assert (row.penulis, row.teks) == ("eve", "Realisasi TW II melebihi target tanpa penjelasan.")
    assert [(b.penulis, b.teks) for b in row.balasan] == [("alice", "Ada kegiatan tambahan.")]
    assert row.tanggal.endswith(str(note.dibuat.year))
    assert [r.teks for r in selectors.catatan_terbuka(rencana_aksi=world.plan)] == ["Catatan rencana, bukan monev."]
    assert selectors.catatan_terbuka(rencana_aksi=world.plan, triwulan=3) == []


def test_monev_page_shows_the_notes_of_its_triwulan_and_links_the_history(client, world):
    iku = _iku(world.plan)
    catatan_buat(baris=iku, teks="Realisasi TW II?", triwulan=2, by=world.eve)
    client.force_login(world.alice)
    html = monev_html(client, world.plan, 2)
    assert f'{reverse("catatan_panel", args=[world.plan.pk])}?tw=2' in html
    assert f'id="catatan-indikator-{iku.pk}"' in html
    assert f'{reverse("riwayat_rencana", args=[world.plan.pk])}?jenis=realisasi' in html
    panel = client.get(reverse("catatan_panel", args=[world.plan.pk]), {"tw": 2}).content.decode()
    assert "Realisasi TW II?" in panel and "</i> 1</button>" in panel
    assert "Realisasi TW II?" not in client.get(reverse("catatan_panel", args=[world.plan.pk])).content.decode()
    assert client.get(reverse("catatan_panel", args=[world.plan.pk]), {"tw": 5}).status_code == 404
