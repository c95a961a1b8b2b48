"""Reads for pages and reports: one place where the queries are, each page a constant number of them."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum

from renaksi.accounts.models import Peran

from .models import Aksi, Program, RencanaAksi, SubKegiatan


def rencana_aksi_visible_to(user) -> QuerySet[RencanaAksi]:
    """The plans a user may open: his PD's, his Pemda's for admin and evaluator, and published ones."""
    published = Q(status__in=RencanaAksi.PUBLISHED)
    if not user.is_authenticated:
        return RencanaAksi.objects.filter(published)
    if user.peran in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) and user.pemda_id:
        return RencanaAksi.objects.filter(published | Q(perangkat_daerah__pemda_id=user.pemda_id))
    if user.perangkat_daerah_id:
        return RencanaAksi.objects.filter(published | Q(perangkat_daerah_id=user.perangkat_daerah_id))
    return RencanaAksi.objects.filter(published)


def rencana_aksi_list_for_user(*, user) -> list[RencanaAksi]:
    """Plans for the home page, newest year first, each with its pagu total and counts (4 subqueries, 1 query)."""

    def total(model, expr: str, alias: str):
        return Subquery(
            model.objects.filter(rencana_aksi=OuterRef("pk")).values("rencana_aksi")
            .annotate(**{alias: expr}).values(alias)[:1]
        )

    return list(
        rencana_aksi_visible_to(user)
        .select_related("perangkat_daerah__pemda")
        .annotate(
            total_pagu=total(Program, Sum("pagu"), "s"),
            jumlah_sub_kegiatan=total(SubKegiatan, Count("id"), "c"),
            jumlah_aksi=total(Aksi, Count("id"), "c"),
        )
        .order_by("-tahun", "perangkat_daerah__pemda__nama", "perangkat_daerah__nama", "-versi")
    )
