"""Who sees a job: its owner, and the admin pemda of its Pemda. Nobody else (not even the owner's colleagues).
And whether a worker is alive, for a job that waits in the queue."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from django.conf import settings
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from renaksi.accounts.models import Peran, User

from .models import Pekerjaan


def pekerjaan_terlihat(*, user: User) -> QuerySet[Pekerjaan]:
    if not user.is_authenticated:
        return Pekerjaan.objects.none()
    q = Q(pemilik=user)
    if user.peran == Peran.ADMIN_PEMDA and user.pemda_id:
        q |= Q(pemda_id=user.pemda_id)
    return Pekerjaan.objects.filter(q).select_related("pemilik")


def boleh_lihat(*, user: User, pekerjaan: Pekerjaan) -> bool:
    if not user.is_authenticated:
        return False
    return pekerjaan.pemilik_id == user.pk or (
        user.peran == Peran.ADMIN_PEMDA and user.pemda_id is not None and pekerjaan.pemda_id == user.pemda_id)


ANTRI_LAMA = timedelta(minutes=2)  # a queued job's page says why it waits after this long


def pekerja_hidup(*, sejak: datetime) -> bool:
    """Whether a worker showed life since then. The database queue keeps no list of its workers (RQ does, in Redis
    only), but a worker writes `detak` when it takes a job and every RENAKSI_PEKERJAAN_DETAK_DETIK seconds while it
    runs one, so the newest `detak` of any job is the last sign of life of any worker, with either queue (one indexed
    query). An idle worker leaves no sign, but then nothing waits for it."""
    terakhir = Pekerjaan.objects.aggregate(terakhir=Max("detak"))["terakhir"]
    return terakhir is not None and terakhir >= sejak


# A running job whose heartbeat is older than this many of its periods (RENAKSI_PEKERJAAN_DETAK_DETIK) is no
# longer taken as a sign that its worker runs: a beat may be late under load, three in a row are not.
DETAK_TERLEWAT = 3


def pekerja_sibuk() -> bool:
    """Whether a worker is running a job now: a running job beat within DETAK_TERLEWAT heartbeat periods (one
    indexed query). A worker that died keeps its job "running" with its last beat until the sweep finds it after
    RENAKSI_PEKERJAAN_MACET_MENIT minutes; this says no after a minute and a half (30 s beats)."""
    sejak = timezone.now() - DETAK_TERLEWAT * timedelta(seconds=settings.RENAKSI_PEKERJAAN_DETAK_DETIK)
    return Pekerjaan.objects.filter(status=Pekerjaan.Status.BERJALAN, detak__gte=sejak).exists()


def antrean_tertahan(*, pekerjaan: Pekerjaan) -> Literal["sibuk", "tanpa_pekerja"] | None:
    """For a job queued for more than ANTRI_LAMA: "sibuk" when a worker is running another job now
    (`pekerja_sibuk`), else "tanpa_pekerja" (no worker took it: none runs, or the one that ran has stopped);
    None for a job not queued or queued only just."""
    if pekerjaan.status != Pekerjaan.Status.ANTRI or pekerjaan.diantrekan > timezone.now() - ANTRI_LAMA:
        return None
    return "sibuk" if pekerja_sibuk() else "tanpa_pekerja"


def antrean_tanpa_pekerja(*, daftar: list[Pekerjaan]) -> Pekerjaan | None:
    """For the jobs page: the longest waiting queued job of `daftar` when no worker is alive to take it (its
    `antrean_tertahan` is "tanpa_pekerja"; one query, only when a job waits), else None."""
    menunggu = [p for p in daftar if p.status == Pekerjaan.Status.ANTRI]
    tertua = min(menunggu, key=lambda p: p.diantrekan, default=None)
    if tertua is None or antrean_tertahan(pekerjaan=tertua) != "tanpa_pekerja":
        return None
    return tertua
