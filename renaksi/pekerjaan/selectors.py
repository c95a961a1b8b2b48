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


def antrean_tertahan(*, pekerjaan: Pekerjaan) -> Literal["sibuk", "tanpa_pekerja"] | None:
    """For a job queued for more than ANTRI_LAMA: "sibuk" when a worker is alive (busy with other jobs),
    "tanpa_pekerja" when none showed life for RENAKSI_PEKERJAAN_MACET_MENIT minutes; else None."""
    now = timezone.now()
    if pekerjaan.status != Pekerjaan.Status.ANTRI or pekerjaan.diantrekan > now - ANTRI_LAMA:
        return None
    if pekerja_hidup(sejak=now - timedelta(minutes=settings.RENAKSI_PEKERJAAN_MACET_MENIT)):
        return "sibuk"
    return "tanpa_pekerja"


def antrean_tanpa_pekerja(*, daftar: list[Pekerjaan]) -> Pekerjaan | None:
    """For the jobs page: the longest waiting queued job of `daftar` when no worker is alive to take it (its
    `antrean_tertahan` is "tanpa_pekerja"; one query, only when a job waits), else None."""
    menunggu = [p for p in daftar if p.status == Pekerjaan.Status.ANTRI]
    tertua = min(menunggu, key=lambda p: p.diantrekan, default=None)
    if tertua is None or antrean_tertahan(pekerjaan=tertua) != "tanpa_pekerja":
        return None
    return tertua
