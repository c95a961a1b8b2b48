"""Reports as background jobs (renaksi.pekerjaan): a large plan's PDF/DOCX, the Pemda-wide bundle, and the
approved plan's document made ready in the document cache (decision 0017).

    perlu_latar(rencana_aksi=plan, format="pdf")     # True: the download view starts a job instead
    ekspor_mulai(rencana_aksi=plan, laporan="ra", format="pdf", pengguna=user)            # → Pekerjaan
    bundel_pemda_mulai(pemda=pemda, pengguna=user, tahun=2024, format=("pdf", "docx"))     # → Pekerjaan
    siapkan_mulai(rencana_aksi=plan)    # → Pekerjaan, or None when one is queued for the plan already

Rights are the caller's, as for `ekspor.ekspor()`. The runners below run in the worker; they rebuild from the ids in
the job's parameters, so a plan changed after the job was queued is exported as it is when the job runs.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _

from renaksi.accounts.models import User
from renaksi.alur.models import Transisi
from renaksi.alur.signals import rencana_aksi_berpindah
from renaksi.organisasi.models import Pemda
from renaksi.pekerjaan import registry, services
from renaksi.pekerjaan.models import Pekerjaan
from renaksi.perencanaan.models import Aksi, RencanaAksi

from . import ekspor
from .registry import FORMAT, LAPORAN

logger = logging.getLogger(__name__)

JENIS_EKSPOR = "laporan.ekspor"
JENIS_BUNDEL = "laporan.bundel_pemda"
JENIS_SIAPKAN = "laporan.siapkan"
BUNDEL_FORMAT = ("pdf", "docx", "xlsx")
# What an approved plan gets ready in the document cache: the RA document as PDF, the file people download and the
# one that takes longest (half a minute for a plan of 1,000 aksi). The others are kept once somebody downloads them.
SIAPKAN = (("ra", "pdf"),)


def perlu_latar(*, rencana_aksi: RencanaAksi, format: str) -> bool:
    """Whether this file of the plan is made by a background job: a PDF or DOCX of a plan with at least
    RENAKSI_EKSPOR_LATAR_AKSI aksi (one query)."""
    if format not in settings.RENAKSI_EKSPOR_LATAR_FORMAT:
        return False
    ambang = settings.RENAKSI_EKSPOR_LATAR_AKSI
    return Aksi.objects.filter(sub_kegiatan__rencana_aksi=rencana_aksi)[:ambang].count() >= ambang


def ekspor_mulai(*, rencana_aksi: RencanaAksi, laporan: str, format: str, pengguna: User | None,
                 triwulan: int | None = None, lampiran_temuan: bool = False) -> Pekerjaan:
    """A job making the file `ekspor.ekspor()` makes; an impossible combination raises `EksporTidakSah` at once."""
    entry, fmt = ekspor.periksa(rencana_aksi=rencana_aksi, laporan=laporan, format=format, triwulan=triwulan,
                                lampiran_temuan=lampiran_temuan)
    pd = rencana_aksi.perangkat_daerah
    judul = _("%(laporan)s %(format)s — %(pd)s %(tahun)s") % {
        "laporan": entry.nama, "format": fmt.nama, "pd": pd.singkatan or pd.nama, "tahun": rencana_aksi.tahun}
    if rencana_aksi.versi > 1:
        judul += f" v{rencana_aksi.versi}"
    if triwulan:
        judul += f" TW {triwulan}"
    return services.pekerjaan_mulai(
        jenis=JENIS_EKSPOR, judul=judul, pemilik=pengguna, perangkat_daerah=pd,
        parameter={"rencana_aksi": rencana_aksi.pk, "laporan": laporan, "format": format, "triwulan": triwulan,
                   "lampiran_temuan": lampiran_temuan})


def _ekspor_runner(*, pekerjaan: Pekerjaan, kemajuan: registry.Kemajuan) -> registry.Hasil:
    p = pekerjaan.parameter
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").filter(pk=p["rencana_aksi"]).first()
    if plan is None:
        raise registry.PekerjaanGagal(_("Rencana aksi yang akan diekspor sudah tidak ada (dihapus)."))
    try:
        berkas = ekspor.ekspor(rencana_aksi=plan, laporan=p["laporan"], format=p["format"],
                               triwulan=p.get("triwulan"), lampiran_temuan=bool(p.get("lampiran_temuan")),
                               kemajuan=kemajuan)
    except ekspor.EksporTidakSah as exc:
        raise registry.PekerjaanGagal(str(exc)) from exc
    return registry.Hasil(nama=berkas.nama, content_type=berkas.content_type, isi=berkas.isi)


def rencana_pemda(*, pemda: Pemda, tahun: int) -> list[RencanaAksi]:
    """The plan of each PD of the Pemda for the year: its latest version, by PD name (one query)."""
    latest: dict[int, RencanaAksi] = {}
    for plan in (RencanaAksi.objects.filter(perangkat_daerah__pemda=pemda, tahun=tahun)
                 .select_related("perangkat_daerah__pemda")
                 .order_by("perangkat_daerah__nama", "perangkat_daerah_id", "-versi", "-id")):
        latest.setdefault(plan.perangkat_daerah_id, plan)
    return list(latest.values())


def tahun_pemda(*, pemda: Pemda) -> list[int]:
    return sorted(set(RencanaAksi.objects.filter(perangkat_daerah__pemda=pemda).values_list("tahun", flat=True)))


class BundelTidakSah(ValueError):
    """A bundle that cannot be made; `str()` says why, in Indonesian."""


def bundel_pemda_mulai(*, pemda: Pemda, pengguna: User | None, tahun: int | None = None,
                       format: Iterable[str] = ("pdf",)) -> Pekerjaan:
    """A job making a ZIP of the Dokumen Rencana Aksi of every PD of the Pemda (the latest version of each PD's
    plan of `tahun`, by default the latest year with a plan), in each of the formats. Rights are the caller's."""
    kode = sorted(set(format), key=BUNDEL_FORMAT.index) if set(format) <= set(BUNDEL_FORMAT) else None
    if not kode:
        raise BundelTidakSah(_("Pilih sedikitnya satu format bundel: %(pilihan)s.") % {
            "pilihan": ", ".join(BUNDEL_FORMAT)})
    tahun_ada = tahun_pemda(pemda=pemda)
    if tahun is None and tahun_ada:
        tahun = tahun_ada[-1]
    if tahun is None or tahun not in tahun_ada:
        raise BundelTidakSah(_("%(pemda)s belum mempunyai rencana aksi tahun %(tahun)s.") % {
            "pemda": pemda, "tahun": tahun} if tahun is not None else
            _("%(pemda)s belum mempunyai rencana aksi.") % {"pemda": pemda})
    judul = _("Bundel Dokumen Rencana Aksi %(pemda)s %(tahun)s (%(format)s)") % {
        "pemda": pemda, "tahun": tahun, "format": ", ".join(str(FORMAT[k].nama) for k in kode)}
    return services.pekerjaan_mulai(jenis=JENIS_BUNDEL, judul=judul, pemilik=pengguna, pemda=pemda,
                                    parameter={"pemda": pemda.pk, "tahun": tahun, "format": kode})


def _bundel_runner(*, pekerjaan: Pekerjaan, kemajuan: registry.Kemajuan) -> registry.Hasil:
    p = pekerjaan.parameter
    pemda = Pemda.objects.filter(pk=p["pemda"]).first()
    if pemda is None:
        raise registry.PekerjaanGagal(_("Pemda bundel ini sudah tidak ada."))
    plans = rencana_pemda(pemda=pemda, tahun=p["tahun"])
    kode: Sequence[str] = p["format"]
    if not plans:
        raise registry.PekerjaanGagal(_("%(pemda)s tidak mempunyai rencana aksi tahun %(tahun)s lagi.") % {
            "pemda": pemda, "tahun": p["tahun"]})
    langkah, total = 0, len(plans) * len(kode)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for plan in plans:
            pd = plan.perangkat_daerah
            for k in kode:
                kemajuan(langkah * 100 // total, _("Membuat %(format)s %(pd)s (%(n)s dari %(total)s)") % {
                    "format": FORMAT[k].nama, "pd": pd.singkatan or pd.nama, "n": langkah + 1, "total": total})
                try:
                    berkas = ekspor.ekspor(rencana_aksi=plan, laporan="ra", format=k)
                except Exception as exc:
                    # An EksporTidakSah says in Indonesian what is wrong; anything else is logged, not shown.
                    if not isinstance(exc, ekspor.EksporTidakSah):
                        logger.exception("bundle: %s %s of plan %s failed", k, pd.nama, plan.pk)
                    galat = str(exc)[:200] if isinstance(exc, ekspor.EksporTidakSah) else _(
                        "kesalahan tak terduga, rinciannya dicatat di log server")
                    raise registry.PekerjaanGagal(_(
                        "Dokumen %(format)s %(pd)s tidak dapat dibuat (%(galat)s). Periksa rencana aksi PD ini, "
                        "lalu coba lagi.") % {"format": FORMAT[k].nama, "pd": pd.nama, "galat": galat}) from exc
                zf.writestr(berkas.nama, berkas.isi)
                langkah += 1
    nama = f"bundel-ra-{slugify(pemda.nama) or pemda.pk}-{p['tahun']}.zip"
    return registry.Hasil(nama=nama, content_type="application/zip", isi=buffer.getvalue())


def siapkan(*, rencana_aksi: RencanaAksi, kemajuan: registry.Kemajuan | None = None) -> None:
    """Puts the plan's SIAPKAN files in the document cache (`ekspor.ekspor()` keeps what it makes; a file that is
    there already costs building its document only)."""
    for laporan, format in SIAPKAN:
        ekspor.ekspor(rencana_aksi=rencana_aksi, laporan=laporan, format=format, kemajuan=kemajuan)


def siapkan_mulai(*, rencana_aksi: RencanaAksi) -> Pekerjaan | None:
    """A job running `siapkan` for the plan, owned by nobody (the admin pemda sees it), unless one is queued for the
    plan already: then None (one queued job per plan, however often it is asked for)."""
    antri = Pekerjaan.objects.filter(jenis=JENIS_SIAPKAN, status=Pekerjaan.Status.ANTRI,
                                     parameter__rencana_aksi=rencana_aksi.pk)
    if antri.exists():
        return None
    pd = rencana_aksi.perangkat_daerah
    judul = _("Menyiapkan %(laporan)s — %(pd)s %(tahun)s") % {
        "laporan": ", ".join(f"{LAPORAN[k].nama} {FORMAT[f].nama}" for k, f in SIAPKAN),
        "pd": pd.singkatan or pd.nama, "tahun": rencana_aksi.tahun}
    return services.pekerjaan_mulai(jenis=JENIS_SIAPKAN, judul=judul, pemilik=None, perangkat_daerah=pd,
                                    parameter={"rencana_aksi": rencana_aksi.pk})


def _siapkan_runner(*, pekerjaan: Pekerjaan, kemajuan: registry.Kemajuan) -> None:
    plan = (RencanaAksi.objects.select_related("perangkat_daerah__pemda")
            .filter(pk=pekerjaan.parameter["rencana_aksi"]).first())
    if plan is None:
        raise registry.PekerjaanGagal(_("Rencana aksi yang akan disiapkan sudah tidak ada (dihapus)."))
    if plan.status not in RencanaAksi.PUBLISHED:  # reopened before the job ran: its next approval queues another
        kemajuan(100, _("Rencana aksi sudah dibuka kembali; tidak ada yang disiapkan."))
        return None
    siapkan(rencana_aksi=plan, kemajuan=kemajuan)
    kemajuan(100, _("Dokumen siap diunduh."))
    return None


def setelah_transisi(*, rencana_aksi: RencanaAksi, transisi: Transisi, **kwargs: object) -> None:
    """Receiver of `alur.signals.rencana_aksi_berpindah`: an approved plan's document is made ready by a job (queued
    when the approval commits) when it would be a background job to download; a smaller plan's file is made in the
    request in a few seconds and kept then. Submissions and edits queue nothing."""
    if transisi.ke == RencanaAksi.Status.DISETUJUI and any(
        perlu_latar(rencana_aksi=rencana_aksi, format=format) for _laporan, format in SIAPKAN
    ):
        siapkan_mulai(rencana_aksi=rencana_aksi)


def daftarkan() -> None:
    registry.daftarkan(JENIS_EKSPOR, _ekspor_runner)
    registry.daftarkan(JENIS_BUNDEL, _bundel_runner)
    registry.daftarkan(JENIS_SIAPKAN, _siapkan_runner)
    rencana_aksi_berpindah.connect(setelah_transisi, dispatch_uid="laporan.setelah_transisi")

