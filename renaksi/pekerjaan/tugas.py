"""The one Django task that runs every job kind in the worker (see the package docstring)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from . import services
from .models import Pekerjaan
from .registry import RUNNER, PekerjaanGagal

logger = logging.getLogger(__name__)


@contextmanager
def _detak(pekerjaan_id: int) -> Iterator[None]:
    """While the block runs, a thread writes the job's heartbeat every RENAKSI_PEKERJAAN_DETAK_DETIK seconds, also
    through a long step that reports no progress (reading a long PDF). A job whose worker dies stops beating and is
    marked failed by the sweep (`services.pekerjaan_tandai_macet`)."""
    berhenti = threading.Event()

    def berdetak() -> None:
        try:
            while not berhenti.wait(settings.RENAKSI_PEKERJAAN_DETAK_DETIK):
                try:
                    services.pekerjaan_detak(pekerjaan_id=pekerjaan_id)
                except Exception:  # a busy database: the next beat tries again
                    logger.warning("pekerjaan %s: detak tidak tertulis", pekerjaan_id, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=berdetak, name=f"detak-pekerjaan-{pekerjaan_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        berhenti.set()
        thread.join()


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
            with _detak(pekerjaan.pk):
                hasil = runner(pekerjaan=pekerjaan, kemajuan=kemajuan)
        except PekerjaanGagal as exc:
            services.pekerjaan_gagal(pekerjaan=pekerjaan, galat=str(exc), bisa_diulang=exc.bisa_diulang)
            return Pekerjaan.Status.GAGAL
        except Exception as exc:
            # The exception's name and text are for the admin (the log), not for the job page.
            logger.exception("pekerjaan %s (%s) gagal: %r", pekerjaan.pk, pekerjaan.jenis, exc)
            services.pekerjaan_gagal(pekerjaan=pekerjaan, galat=_(
                "Terjadi kesalahan tak terduga saat %(pesan)s. Silakan coba lagi; bila tetap gagal, hubungi admin "
                "dengan menyebut nomor pekerjaan %(nomor)s.") % {
                "pesan": (pekerjaan.pesan or _("mengerjakan")).rstrip(".").lower(), "nomor": pekerjaan.pk})
            return Pekerjaan.Status.GAGAL
        # A job without a file ends with its runner's last message (what it made).
        services.pekerjaan_selesai(pekerjaan=pekerjaan, hasil=hasil, pesan="" if hasil else pekerjaan.pesan)
    return Pekerjaan.Status.SELESAI
