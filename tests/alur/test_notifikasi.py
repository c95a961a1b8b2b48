"""Notifications: the in-app lists (what waits for me, what was returned to me), the navbar badge, and the e-mail
to the people concerned with an absolute link to the place."""

from __future__ import annotations

from django.core import mail

from renaksi.alur import selectors
from renaksi.alur import services as alur
from renaksi.monev.models import LaporanTriwulan
from renaksi.perencanaan.models import RencanaAksi
from tests.factories import make_plan

S = RencanaAksi.Status


def _recipients():
    return sorted(address for m in mail.outbox for address in m.to)


def test_a_submission_mails_the_kepala_pd_with_a_link_to_the_editor(w, django_capture_on_commit_callbacks,
                                                                     settings):
    settings.RENAKSI_SITE_URL = "https://renaksi.contoh.go.id/"
    with django_capture_on_commit_callbacks(execute=True):
        alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    assert _recipients() == ["kepala@example.org"]
    (message,) = mail.outbox
    assert "diajukan" in message.subject
    assert f"https://renaksi.contoh.go.id/rencana-aksi/{w.plan.pk}/" in message.body
    assert "oleh alice" in message.body


def test_a_return_mails_the_perencana_with_the_reason(w, django_capture_on_commit_callbacks):
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    with django_capture_on_commit_callbacks(execute=True):
        alur.rencana_aksi_kembalikan(rencana_aksi=w.plan, alasan="Target TW II keliru", by=w.kepala)
    assert _recipients() == ["alice@example.org"]
    assert "Alasan: Target TW II keliru" in mail.outbox[0].body


def test_an_approval_mails_the_perencana_and_the_admin_pemda_not_other_pemda(w, django_capture_on_commit_callbacks):
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    with django_capture_on_commit_callbacks(execute=True):
        alur.rencana_aksi_setujui(rencana_aksi=w.plan, by=w.kepala)
    assert _recipients() == ["admin@example.org", "alice@example.org"]


def test_a_triwulan_report_mail_links_to_the_monev_page(w, django_capture_on_commit_callbacks, settings):
    settings.RENAKSI_SITE_URL = "http://localhost:8000"
    RencanaAksi.objects.filter(pk=w.plan.pk).update(status=S.DISETUJUI)
    with django_capture_on_commit_callbacks(execute=True):
        alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=2, by=w.alice)
    assert f"http://localhost:8000/rencana-aksi/{w.plan.pk}/monev/2/" in mail.outbox[0].body
    assert "TW II" in mail.outbox[0].subject


def test_a_refused_transition_sends_nothing(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            alur.rencana_aksi_setujui(rencana_aksi=w.plan, by=w.kepala)
        except Exception:
            pass
    assert mail.outbox == []


def test_the_lists_follow_the_states(w):
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    n = selectors.notifikasi(user=w.kepala)
    assert [t.judul for t in n.menunggu] == [str(w.plan)] and n.dikembalikan == []
    assert selectors.notifikasi(user=w.alice).jumlah == 0
    assert selectors.jumlah_notifikasi(user=w.charlie) == 0 and selectors.jumlah_notifikasi(user=w.eve) == 0
    alur.rencana_aksi_kembalikan(rencana_aksi=w.plan, alasan="Perbaiki pagu", by=w.kepala)
    assert selectors.notifikasi(user=w.kepala).jumlah == 0
    (item,) = selectors.notifikasi(user=w.alice).dikembalikan
    assert item.transisi.alasan == "Perbaiki pagu" and item.url == f"/rencana-aksi/{w.plan.pk}/"
    assert selectors.jumlah_notifikasi(user=w.alice) == 1


def test_the_page_and_the_badge(client, w):
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)
    client.force_login(w.kepala)
    html = client.get("/notifikasi/").content.decode()
    waiting = html.split('id="menunggu"')[1].split("</section>")[0]
    assert str(w.plan) in waiting and f'href="/rencana-aksi/{w.plan.pk}/"' in waiting
    assert "Tidak ada yang dikembalikan kepada Anda." in html
    badge = client.get("/notifikasi/jumlah/", HTTP_HX_REQUEST="true").content.decode()
    assert 'id="notifikasi-jumlah"' in badge and ">1<" in badge
    client.force_login(w.eve)
    assert "notifikasi-jumlah" not in client.get("/notifikasi/jumlah/").content.decode()
    assert client.get("/").content.decode().count('hx-get="/notifikasi/jumlah/"') == 1


def test_reports_waiting_are_listed_in_the_plans_order_then_by_triwulan(w):
    """Newest year first, then by PD name, then TW I before TW II — whatever order they were created in."""
    later = make_plan(w.other_pd, tahun=2025)  # "Dinas Kesehatan", created after the 2024 "Badan …" plan
    for plan, tw in ((w.plan, 2), (w.plan, 1), (later, 1)):
        LaporanTriwulan.objects.create(rencana_aksi=plan, triwulan=tw, status=S.DISETUJUI)
    assert [t.url for t in selectors.notifikasi(user=w.admin).menunggu] == [
        f"/rencana-aksi/{later.pk}/monev/1/", f"/rencana-aksi/{w.plan.pk}/monev/1/", f"/rencana-aksi/{w.plan.pk}/monev/2/"]
