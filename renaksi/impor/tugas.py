"""A long PDF upload is read by a background job (renaksi.pekerjaan, decision 0008), never inside the request.

    perlu_latar(data)        # True: a PDF of at least RENAKSI_IMPOR_LATAR_HALAMAN pages
    baca_mulai(unggahan=u, pengguna=user, perangkat_daerah=pd)   # → Pekerjaan; its "Lanjutkan" opens the preview
    belum_terbaca(u)         # the id of the job while it has not read the upload yet, else None

The job reads the staged upload (`pratinjau.stage_upload`) and keeps what it read, signed, next to it
(`pratinjau.simpan_baca`); the preview and the confirmation load that (`pratinjau.muat_baca`). A PDF that cannot be
read fails the job for good (no "Coba lagi": the same file gives the same answer) with the reader's message (file,
page, row), as the upload form would have said it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _

from renaksi.accounts.models import User
from renaksi.core.berkas import PDF_MAGIC
from renaksi.organisasi.models import PerangkatDaerah
from renaksi.pekerjaan import registry, services
from renaksi.pekerjaan.models import Pekerjaan

from . import pratinjau
from .grid import ImporGagal
from .readers.pdf import jumlah_halaman, per_halaman

JENIS_BACA = "impor.baca"


def perlu_latar(data: bytes) -> bool:
    """Whether this upload is read by a background job: a PDF of at least RENAKSI_IMPOR_LATAR_HALAMAN pages (its
    page count is read from the PDF's catalogue, in milliseconds)."""
    if not data.startswith(PDF_MAGIC):
        return False
    halaman = jumlah_halaman(data)
    return halaman is not None and halaman >= settings.RENAKSI_IMPOR_LATAR_HALAMAN


def baca_mulai(*, unggahan: pratinjau.Unggahan, pengguna: User, perangkat_daerah: PerangkatDaerah) -> Pekerjaan:
    return services.pekerjaan_mulai(
        jenis=JENIS_BACA, judul=_("Membaca %(berkas)s untuk diimpor") % {"berkas": unggahan.nama_berkas},
        pemilik=pengguna, perangkat_daerah=perangkat_daerah,
        parameter={"berkas": unggahan.storage_name, "nama_berkas": unggahan.nama_berkas},
        lanjut=reverse("import_preview", args=[unggahan.token]))


def belum_terbaca(unggahan: pratinjau.Unggahan) -> int | None:
    if unggahan.pekerjaan_id is None:
        return None
    return Pekerjaan.objects.filter(pk=unggahan.pekerjaan_id).exclude(
        status=Pekerjaan.Status.SELESAI).values_list("pk", flat=True).first()


def _baca_runner(*, pekerjaan: Pekerjaan, kemajuan: registry.Kemajuan) -> None:
    from renaksi.impor import api  # the importer core: only the worker needs it here

    berkas, nama = pekerjaan.parameter["berkas"], pekerjaan.parameter["nama_berkas"]
    try:
        with default_storage.open(berkas, "rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError) as exc:
        raise registry.PekerjaanGagal(_("Berkas %(berkas)s yang diunggah sudah tidak ada (impornya dibatalkan atau "
                                        "kedaluwarsa). Unggah berkasnya lagi.") % {"berkas": nama},
                                      bisa_diulang=False) from exc

    def halaman(n: int, total: int) -> None:  # reading the pages is most of the time: 5 % → 80 %
        kemajuan(5 + 75 * n // total, _("Membaca halaman %(n)s dari %(total)s") % {"n": n + 1, "total": total}
                 if n < total else _("Mengenali tabel dan baris rencana aksi"))

    kemajuan(5, _("Membaca halaman 1 dari %(total)s") % {"total": jumlah_halaman(data)})
    try:
        with per_halaman(halaman):
            parsed = api.parse_document(data, nama)
    except ImporGagal as exc:  # the reader refused the file: reading it again gives the same answer
        raise registry.PekerjaanGagal(str(exc), bisa_diulang=False) from exc
    kemajuan(95, _("Menyimpan hasil baca"))
    pratinjau.simpan_baca(berkas, parsed)
    kemajuan(100, _("%(berkas)s sudah dibaca. Lanjutkan ke pratinjau impor.") % {"berkas": nama})


def tandai_hasil_hilang() -> int:
    """The read jobs whose result is gone with its upload (imported, cancelled, or older than a day: `pratinjau`)
    say so on their page instead of leading to a preview that no longer exists. Returns how many."""
    n = 0
    for pekerjaan in Pekerjaan.objects.filter(jenis=JENIS_BACA, status=Pekerjaan.Status.SELESAI, hasil_dihapus=False):
        if not pratinjau.baca_ada(pekerjaan.parameter.get("berkas", "")):
            services.pekerjaan_hapus_hasil(pekerjaan=pekerjaan)
            n += 1
    return n


def daftarkan() -> None:
    registry.daftarkan(JENIS_BACA, _baca_runner)
