"""`renaksi bersihkan_pekerjaan [--hari N]`: the sweep of the background jobs, run every few minutes (cron, a
systemd timer; `make demo` runs it every 5 minutes beside its worker; docs/deploy.md).

- a running job without a heartbeat for RENAKSI_PEKERJAAN_MACET_MENIT minutes (its worker died) is queued again once,
  then marked failed: its page says so and offers "Coba lagi";
- a job queued for RENAKSI_PEKERJAAN_ANTRI_MENIT minutes while no worker showed life is marked failed (no worker
  runs), with "Coba lagi";
- the result files of jobs done more than N days ago (RENAKSI_PEKERJAAN_SIMPAN_HARI) are deleted, the records stay
  and their page says the result expired;
- staged import uploads nobody confirmed for a day are deleted with what their read job read, and that job's page
  no longer offers "Lanjutkan";
- ready copies of documents (the document cache, decision 0017) not made or downloaded for
  RENAKSI_SALINAN_SIMPAN_HARI days (30) are deleted.

It lives in the importer because of the staged uploads: renaksi.pekerjaan stays below the apps that use it.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from renaksi.impor import pratinjau, tugas
from renaksi.pekerjaan import services


class Command(BaseCommand):
    help = ("Tandai pekerjaan latar yang macet sebagai gagal, hapus hasil pekerjaan yang sudah lama selesai dan "
            "salinan dokumen yang lama tidak dipakai.")

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, default=None,
                            help="Hapus hasil pekerjaan yang selesai lebih dari N hari lalu "
                                 "(bawaan: RENAKSI_PEKERJAAN_SIMPAN_HARI).")

    def handle(self, *args, hari: int | None, **options):
        if hari is not None and hari < 0:
            raise CommandError("--hari tidak boleh negatif.")
        macet, diulang = services.pekerjaan_tandai_macet()
        tak_terambil = services.pekerjaan_tandai_tak_terambil()
        unggahan = pratinjau.purge_stale_uploads()
        dihapus = services.pekerjaan_hapus_hasil_lama(hari=hari) + tugas.tandai_hasil_hilang()
        salinan = services.salinan_hapus_lama()
        self.stdout.write(f"{macet} pekerjaan macet ditandai gagal, {diulang} diantrekan ulang; {tak_terambil} "
                          f"pekerjaan tak terambil pekerja ditandai gagal; hasil {dihapus} pekerjaan dihapus; "
                          f"{unggahan} berkas unggahan lama dihapus; {salinan} salinan dokumen lama dihapus.")
