"""The one Django task that runs every job kind in the worker (see the package docstring)."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from . import services
from .models import Pekerjaan
from .registry import RUNNER, PekerjaanGagal

logger = logging.getLogger(__name__)


@task()
def jalankan(pekerjaan_id: int) -> str:
    """Runs the job `pekerjaan_id` if it is still queued; returns its final status."""
    pekerjaan = Pekerjaan.objects.filter(pk=pekerjaan_id).first()
    if pekerjaan is None or not services.pekerjaan_berjalan(pekerjaan=pekerjaan):
        return "dilewati"
    with override("id"):  # the worker has no request: messages and documents in Indonesian
        def kemajuan(persen: int, pesan: str = "") -> None:
            services.pekerjaan_kemajuan(pekerjaan=pekerjaan, persen=persen, pesan=pesan)

        runner = RUNNER.get(pekerjaan.jenis)
        try:
            if runner is None:
                raise PekerjaanGagal(_("Jenis pekerjaan '%(jenis)s' tidak dikenal oleh pekerja ini.")
                                     % {"jenis": pekerjaan.jenis})
            hasil = runner(pekerjaan=pekerjaan, kemajuan=kemajuan)
        except PekerjaanGagal as exc:
            services.pekerjaan_gagal(pekerjaan=pekerjaan, galat=str(exc))
            return Pekerjaan.Status.GAGAL
        except Exception as exc:
            logger.exception("pekerjaan %s (%s) gagal", pekerjaan.pk, pekerjaan.jenis)
            services.pekerjaan_gagal(pekerjaan=pekerjaan, galat=_(
                "Terjadi kesalahan tak terduga saat %(pesan)s (%(jenis)s). Silakan coba lagi; bila tetap gagal, "
                "hubungi admin dengan menyebut nomor pekerjaan %(nomor)s.") % {
                "pesan": (pekerjaan.pesan or _("mengerjakan")).rstrip(".").lower(), "jenis": type(exc).__name__,
                "nomor": pekerjaan.pk})
            return Pekerjaan.Status.GAGAL
        # A job without a file ends with its runner's last message (what it made).
        services.pekerjaan_selesai(pekerjaan=pekerjaan, hasil=hasil, pesan="" if hasil else pekerjaan.pesan)
    return Pekerjaan.Status.SELESAI
