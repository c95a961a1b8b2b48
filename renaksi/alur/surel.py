"""E-mail to the people concerned by a transition, through Django's mail backend (console in development,
locmem in tests), each with an absolute link to the place: `RENAKSI_SITE_URL` + the page's path. A setting rather
than the request: transitions are services, also run outside a request, and a link in a mail must not depend on
the Host header someone sent.

Who is told: a submission → the kepala PD; a return → the perencana; an approval → the perencana and the admin
pemda (who locks); a lock or a reopening → the perencana and the kepala PD. Never the person who acted; only users
with an e-mail address. Sent after the transaction commits; a failing mail server does not undo the transition.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from renaksi.accounts.models import Peran, User
from renaksi.core.capaian import ROMAWI

from .models import Transisi

log = logging.getLogger(__name__)

PENERIMA = {
    "ajukan": (Peran.KEPALA_PD,),
    "kembalikan": (Peran.PERENCANA,),
    "setujui": (Peran.PERENCANA, Peran.ADMIN_PEMDA),
    "kunci": (Peran.PERENCANA, Peran.KEPALA_PD),
    "buka": (Peran.PERENCANA, Peran.KEPALA_PD),
}


def path(transisi: Transisi) -> str:
    if transisi.triwulan is None:
        return reverse("plan_editor", args=[transisi.rencana_aksi_id])
    return reverse("monev_form", args=[transisi.rencana_aksi_id, transisi.triwulan])


def url(path_: str) -> str:
    return settings.RENAKSI_SITE_URL.rstrip("/") + path_


def penerima(transisi: Transisi) -> list[User]:
    plan = transisi.rencana_aksi
    pd = plan.perangkat_daerah
    roles = PENERIMA[transisi.langkah]
    users = User.objects.filter(is_active=True, peran__in=roles).exclude(email="")
    in_pd = users.filter(perangkat_daerah=pd).exclude(peran=Peran.ADMIN_PEMDA)
    admins = users.filter(peran=Peran.ADMIN_PEMDA, pemda_id=pd.pemda_id)
    return [u for u in (in_pd | admins).order_by("username") if u.pk != transisi.oleh_id]


def pesan(transisi: Transisi) -> tuple[str, str]:
    plan = transisi.rencana_aksi
    objek = (_("Rencana Aksi %(pd)s %(tahun)s") if transisi.triwulan is None
             else _("Laporan monev TW %(tw)s Rencana Aksi %(pd)s %(tahun)s")) % {
        "pd": plan.perangkat_daerah.nama, "tahun": plan.tahun, "tw": ROMAWI.get(transisi.triwulan or 1, "")}
    oleh = str(transisi.oleh) if transisi.oleh else _("sistem")
    subject = f"[Renaksi] {objek}: {transisi.get_langkah_display().lower()}"
    lines = [_("%(objek)s %(langkah)s oleh %(oleh)s.") % {"objek": objek,
                                                           "langkah": transisi.get_langkah_display().lower(),
                                                           "oleh": oleh}]
    if transisi.alasan:
        lines.append(_("Alasan: %(alasan)s") % {"alasan": transisi.alasan})
    lines.append(_("Buka: %(url)s") % {"url": url(path(transisi))})
    return subject, "\n\n".join(lines) + "\n"


def kirim(*, transisi_id: int) -> int:
    """Send the mails of one transition; returns how many were sent."""
    transisi = Transisi.objects.select_related("rencana_aksi__perangkat_daerah", "oleh").get(pk=transisi_id)
    recipients = penerima(transisi)
    if not recipients:
        return 0
    subject, body = pesan(transisi)
    messages = [(subject, body, None, [u.email]) for u in recipients]
    try:
        return send_mass_mail(messages, fail_silently=False)
    except Exception:  # a mail server that is down must not turn a done transition into an error page
        log.exception("Surel alur tidak terkirim (transisi %s)", transisi_id)
        return 0
