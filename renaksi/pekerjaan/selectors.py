"""Who sees a job: its owner, and the admin pemda of its Pemda. Nobody else (not even the owner's colleagues)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

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
