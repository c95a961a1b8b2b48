"""Reads of the workflow: the bar of a plan or a triwulan report (state, the steps this user may take, what stands
in the way of a submission, the history) and each user's list of what waits for him."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from renaksi.accounts.models import Peran
from renaksi.core.capaian import ROMAWI
from renaksi.monev.models import LaporanTriwulan
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.perencanaan.models import RencanaAksi

from . import services
from .models import Transisi

S = RencanaAksi.Status


@dataclass(frozen=True)
class Tombol:
    langkah: services.Langkah
    url: str


@dataclass(frozen=True)
class Penghalang:
    judul: str
    tempat: str
    pesan: str
    href: str


@dataclass
class Bar:
    rencana_aksi: RencanaAksi
    triwulan: int | None
    status: str
    status_label: str
    tombol: list[Tombol] = field(default_factory=list)
    penghalang: list[Penghalang] = field(default_factory=list)
    riwayat: list[Transisi] = field(default_factory=list)
    diajukan_pada: datetime | None = None
    catatan: str = ""  # why the submit button is not there, e.g. the plan is not approved yet

    @property
    def boleh_ajukan(self) -> bool:
        return any(t.langkah.nama == "ajukan" for t in self.tombol)

    @property
    def objek(self) -> str:
        return _("Rencana aksi") if self.triwulan is None else _("Laporan TW %(tw)s") % {"tw": ROMAWI[self.triwulan]}


def _url(rencana_aksi: RencanaAksi, triwulan: int | None, nama: str) -> str:
    if triwulan is None:
        return reverse("alur_rencana_aksi_langkah", args=[rencana_aksi.pk, nama])
    return reverse("alur_laporan_langkah", args=[rencana_aksi.pk, triwulan, nama])


def bar(*, user, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Bar:
    """The workflow bar; the checker runs only when this user could submit now (to list what stands in the way)."""
    laporan = None
    objek: RencanaAksi | LaporanTriwulan
    if triwulan is None:
        objek = rencana_aksi
    else:
        objek = laporan = services.laporan_triwulan_get(rencana_aksi=rencana_aksi, triwulan=triwulan)
    result = Bar(rencana_aksi=rencana_aksi, triwulan=triwulan, status=objek.status,
                 status_label=str(S(objek.status).label), diajukan_pada=laporan.diajukan_pada if laporan else None)
    superseded = services.digantikan(rencana_aksi)
    for langkah in services.LANGKAH.values():
        if superseded or objek.status not in langkah.dari or services.alasan_ditolak(user, langkah, objek):
            continue
        if langkah.nama == "ajukan" and laporan is not None and rencana_aksi.status not in RencanaAksi.PUBLISHED:
            result.catatan = _("Laporan triwulan dapat diajukan setelah rencana aksi disetujui.")
            continue
        result.tombol.append(Tombol(langkah, _url(rencana_aksi, triwulan, langkah.nama)))
    if result.boleh_ajukan:
        editor = reverse("plan_editor", args=[rencana_aksi.pk])
        findings = services.penghalang(pemeriksaan.check_plan(rencana_aksi), triwulan=triwulan)
        result.penghalang = [
            Penghalang(pemeriksaan.title(f), pemeriksaan.place(f), f.message,
                       f"{editor}#{f.location.anchor}" if f.location.anchor
                       else reverse("plan_findings", args=[rencana_aksi.pk]))
            for f in findings]
    result.riwayat = list(Transisi.objects.filter(rencana_aksi=rencana_aksi, triwulan=triwulan)
                          .select_related("oleh").order_by("-waktu", "-id"))
    return result


# --- What waits for whom ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tugas:
    """One plan or triwulan report in a user's list."""

    judul: str
    status: str
    status_label: str
    url: str
    transisi: Transisi | None  # the latest one: who did what, when, why


def _plans(user):
    qs = RencanaAksi.objects.select_related("perangkat_daerah")
    if user.peran == Peran.ADMIN_PEMDA and user.pemda_id:
        return qs.filter(perangkat_daerah__pemda_id=user.pemda_id)
    if user.perangkat_daerah_id:
        return qs.filter(perangkat_daerah_id=user.perangkat_daerah_id)
    return qs.none()


def _states(user) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(states waiting for this user's action, states that were returned to him)."""
    if user.peran == Peran.KEPALA_PD:
        return (S.DIAJUKAN,), ()
    if user.peran == Peran.ADMIN_PEMDA:
        return (S.DISETUJUI,), ()
    if user.peran == Peran.PERENCANA:
        return (), (S.DIKEMBALIKAN,)
    return (), ()


def _tugas(user, states: tuple[str, ...]) -> list[Tugas]:
    if not states:
        return []
    plans = list(_plans(user).filter(status__in=states))
    reports = list(LaporanTriwulan.objects.filter(rencana_aksi__in=_plans(user), status__in=states)
                   .select_related("rencana_aksi__perangkat_daerah")
                   # the plans' order (RencanaAksi's), then the triwulan: the list shows them in it
                   .order_by("-rencana_aksi__tahun", "rencana_aksi__perangkat_daerah__nama", "-rencana_aksi__versi",
                             "triwulan"))
    ids = {p.pk for p in plans} | {r.rencana_aksi_id for r in reports}
    latest: dict[tuple[int, int | None], Transisi] = {}
    for t in Transisi.objects.filter(rencana_aksi_id__in=ids).select_related("oleh").order_by("waktu", "id"):
        latest[(t.rencana_aksi_id, t.triwulan)] = t
    rows = [Tugas(str(p), p.status, p.get_status_display(), reverse("plan_editor", args=[p.pk]),
                  latest.get((p.pk, None))) for p in plans]
    rows += [Tugas(_("Laporan monev TW %(tw)s — %(plan)s") % {"tw": ROMAWI[r.triwulan], "plan": r.rencana_aksi},
                   r.status, r.get_status_display(), reverse("monev_form", args=[r.rencana_aksi_id, r.triwulan]),
                   latest.get((r.rencana_aksi_id, r.triwulan))) for r in reports]
    return rows


@dataclass(frozen=True)
class Notifikasi:
    menunggu: list[Tugas]
    dikembalikan: list[Tugas]

    @property
    def jumlah(self) -> int:
        return len(self.menunggu) + len(self.dikembalikan)


def notifikasi(*, user) -> Notifikasi:
    """What waits for this user's action (a kepala PD: submissions; an admin pemda: approvals to lock) and what was
    returned to him (a perencana). Read from the states, so a list is never out of date: once someone acts, the
    item is gone for everybody (docs/decisions/0004)."""
    menunggu, dikembalikan = _states(user)
    return Notifikasi(_tugas(user, menunggu), _tugas(user, dikembalikan))


def jumlah_notifikasi(*, user) -> int:
    """The navbar badge: the number of items, two queries at most (no history rows)."""
    menunggu, dikembalikan = _states(user)
    states = menunggu + dikembalikan
    if not states:
        return 0
    return (_plans(user).filter(status__in=states).count()
            + LaporanTriwulan.objects.filter(rencana_aksi__in=_plans(user), status__in=states).count())
