"""The workflow bar and its POST views, with personas: 404 for who may not see, 403 with the reason for who may
see but not take the step, 422 for a state, reason or finding that does not allow it; a done step reloads the page."""

from __future__ import annotations

from html import unescape

import pytest

from renaksi.alur.models import Transisi
from renaksi.perencanaan.models import RencanaAksi
from tests.alur.conftest import break_rollup

S = RencanaAksi.Status
HTMX = {"HTTP_HX_REQUEST": "true"}


def _bar(client, plan, tw=None):
    url = f"/rencana-aksi/{plan.pk}/alur/" if tw is None else f"/rencana-aksi/{plan.pk}/monev/{tw}/alur/"
    return client.get(url, **HTMX)


def _post(client, plan, langkah, tw=None, **data):
    url = (f"/rencana-aksi/{plan.pk}/alur/{langkah}/" if tw is None
           else f"/rencana-aksi/{plan.pk}/monev/{tw}/alur/{langkah}/")
    return client.post(url, data, **HTMX)


def _buttons(html: str) -> list[str]:
    return sorted(set(part.split('"')[0] for part in html.split('data-langkah="')[1:]))


@pytest.mark.parametrize(("persona", "status", "buttons"), [
    ("alice", S.DRAFT, ["ajukan"]), ("kabid", S.DRAFT, []), ("kepala", S.DRAFT, []), ("admin", S.DRAFT, []),
    ("kepala", S.DIAJUKAN, ["kembalikan", "setujui"]), ("alice", S.DIAJUKAN, []), ("eve", S.DIAJUKAN, []),
    ("admin", S.DISETUJUI, ["buka", "kunci"]), ("kepala", S.DISETUJUI, []), ("admin", S.TERKUNCI, ["buka"]),
    ("alice", S.DIKEMBALIKAN, ["ajukan"]),
])
def test_the_bar_shows_the_buttons_this_user_may_press(client, w, persona, status, buttons):
    RencanaAksi.objects.filter(pk=w.plan.pk).update(status=status)
    client.force_login(getattr(w, persona))
    response = _bar(client, w.plan)
    assert response.status_code == 200
    html = response.content.decode()
    assert _buttons(html) == buttons
    assert f'data-status="{status}"' in html


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_outsiders_get_404(client, w, persona):
    client.force_login(getattr(w, persona))
    assert _bar(client, w.plan).status_code == 404
    assert _post(client, w.plan, "ajukan").status_code == 404
    assert _bar(client, w.plan, tw=1).status_code == 404
    assert not Transisi.objects.exists()


def test_anonymous_is_sent_to_login_and_unknown_steps_are_404(client, w):
    assert client.post(f"/rencana-aksi/{w.plan.pk}/alur/ajukan/").status_code == 302
    client.force_login(w.alice)
    assert _post(client, w.plan, "hapus").status_code == 404
    assert _bar(client, w.plan, tw=5).status_code == 404
    assert client.get(f"/rencana-aksi/{w.plan.pk}/alur/ajukan/").status_code == 405


@pytest.mark.parametrize("persona", ["kabid", "bob", "kepala", "eve", "admin"])
def test_who_may_see_but_not_submit_gets_403_with_the_reason(client, w, persona):
    client.force_login(getattr(w, persona))
    response = _post(client, w.plan, "ajukan")
    assert response.status_code == 403
    assert "Hanya perencana perangkat daerah ini yang dapat mengajukan." in unescape(response.content.decode())
    assert not Transisi.objects.exists()


def test_submit_then_return_with_a_reason_then_approve(client, w):
    client.force_login(w.alice)
    response = _post(client, w.plan, "ajukan")
    assert response.status_code == 204 and response["HX-Redirect"] == f"/rencana-aksi/{w.plan.pk}/"
    client.force_login(w.kepala)
    response = _post(client, w.plan, "kembalikan", alasan="")
    assert response.status_code == 422
    assert "Tulis alasan mengembalikan" in unescape(response.content.decode())
    assert _post(client, w.plan, "kembalikan", alasan="Aksi bulan Juni belum ada").status_code == 204
    client.force_login(w.alice)
    assert _post(client, w.plan, "ajukan").status_code == 204
    client.force_login(w.kepala)
    assert _post(client, w.plan, "setujui").status_code == 204
    assert RencanaAksi.objects.get(pk=w.plan.pk).status == S.DISETUJUI
    html = unescape(_bar(client, w.plan).content.decode())
    history = html.split('id="alur-riwayat"')[1]
    assert "Dikembalikan</span> oleh kepala" in history and "<q>Aksi bulan Juni belum ada</q>" in history


def test_without_htmx_a_done_step_redirects_and_a_refused_one_is_a_page(client, w):
    client.force_login(w.kepala)
    response = client.post(f"/rencana-aksi/{w.plan.pk}/alur/setujui/")
    assert response.status_code == 422 and "<html" in response.content.decode()
    client.force_login(w.alice)
    response = client.post(f"/rencana-aksi/{w.plan.pk}/alur/ajukan/")
    assert response.status_code == 302 and response["Location"] == f"/rencana-aksi/{w.plan.pk}/"


def test_the_submit_button_says_which_findings_stand_in_the_way(client, w):
    break_rollup(w.plan)
    client.force_login(w.alice)
    html = unescape(_bar(client, w.plan).content.decode())
    blocking = html.split('id="alur-penghalang"')[1].split("</div>")[0]
    assert "1 temuan kesalahan menghalangi pengajuan" in blocking
    assert "Jumlah pagu tidak sama dengan pagu induknya</a> — Program Peningkatan Peran Partai Politik" in \
        blocking
    assert 'data-langkah="ajukan" disabled' in html
    response = _post(client, w.plan, "ajukan")
    assert response.status_code == 422
    assert "Jumlah pagu tidak sama dengan pagu induknya" in unescape(response.content.decode())


def test_the_editor_and_the_monev_page_load_the_bar(client, w):
    client.force_login(w.alice)
    assert f'hx-get="/rencana-aksi/{w.plan.pk}/alur/"' in client.get(f"/rencana-aksi/{w.plan.pk}/").content.decode()
    assert f'hx-get="/rencana-aksi/{w.plan.pk}/monev/2/alur/"' in \
        client.get(f"/rencana-aksi/{w.plan.pk}/monev/2/").content.decode()


def test_the_triwulan_report_bar_waits_for_the_approved_plan(client, w):
    client.force_login(w.alice)
    html = unescape(_bar(client, w.plan, tw=1).content.decode())
    assert "dapat diajukan setelah rencana aksi disetujui" in html and _buttons(html) == []
    RencanaAksi.objects.filter(pk=w.plan.pk).update(status=S.DISETUJUI)
    assert _buttons(_bar(client, w.plan, tw=1).content.decode()) == ["ajukan"]
    assert _post(client, w.plan, "ajukan", tw=1).status_code == 204
    client.force_login(w.kepala)
    assert _buttons(_bar(client, w.plan, tw=1).content.decode()) == ["kembalikan", "setujui"]
    assert _post(client, w.plan, "setujui", tw=1).status_code == 204
    client.force_login(w.eve)
    assert _post(client, w.plan, "kunci", tw=1).status_code == 403


def test_a_returned_report_says_why_above_the_fold_to_who_must_fix_it(client, w):
    """The reason was only inside the collapsed "Riwayat alur": the perencana opening the returned report saw the
    red status and the Ajukan button, not what to fix."""
    RencanaAksi.objects.filter(pk=w.plan.pk).update(status=S.DISETUJUI)
    client.force_login(w.alice)
    assert _post(client, w.plan, "ajukan", tw=1).status_code == 204
    assert 'id="alur-dikembalikan"' not in _bar(client, w.plan, tw=1).content.decode()
    client.force_login(w.kepala)
    assert _post(client, w.plan, "kembalikan", tw=1, alasan="Realisasi anggaran belum diisi").status_code == 204
    client.force_login(w.alice)
    html = unescape(_bar(client, w.plan, tw=1).content.decode())
    shown = html.split('id="alur-dikembalikan"')[1].split("</div>")[0]
    assert "Dikembalikan oleh kepala" in shown and "<q>Realisasi anggaran belum diisi</q>" in shown
    assert "Perbaiki, lalu ajukan lagi." in shown
    assert _post(client, w.plan, "ajukan", tw=1).status_code == 204  # submitted again: the notice goes
    assert 'id="alur-dikembalikan"' not in _bar(client, w.plan, tw=1).content.decode()
