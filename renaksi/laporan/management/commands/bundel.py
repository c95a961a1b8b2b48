"""`renaksi bundel --pemda NAMA [--tahun T] [--format pdf,docx,xlsx] [--pemilik USERNAME] [--tunggu]`: queues the
Pemda-wide bundle of Dokumen Rencana Aksi (laporan.tugas.bundel_pemda_mulai) and prints the job's number."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from renaksi.accounts.models import User
from renaksi.laporan import tugas
from renaksi.organisasi.selectors import PemdaTidakDitemukan, pemda_cari
from renaksi.pekerjaan.models import Pekerjaan


class Command(BaseCommand):
    help = ("Mengantrekan bundel ZIP Dokumen Rencana Aksi setiap perangkat daerah satu Pemda sebagai pekerjaan "
            "latar belakang (dijalankan oleh `renaksi db_worker`).")

    def add_arguments(self, parser):
        parser.add_argument("--pemda", required=True,
                            help="Pemda, misalnya 'Kabupaten Bangka' atau 'Bangka' (seperti `renaksi import`), atau id-nya.")
        parser.add_argument("--tahun", type=int, help="Tahun rencana aksi (bawaan: tahun terakhir yang ada).")
        parser.add_argument("--format", default="pdf", help="Format, dipisah koma: pdf, docx, xlsx (bawaan pdf).")
        parser.add_argument("--pemilik", help="Username pemilik pekerjaan (bawaan: admin pemda pertama).")
        parser.add_argument("--tunggu", action="store_true", help="Tunggu sampai pekerjaan selesai atau gagal.")

    def handle(self, *args, pemda, tahun, format, pemilik, tunggu, **options):
        try:
            obj = pemda_cari(teks=pemda)
        except PemdaTidakDitemukan as exc:
            raise CommandError(str(exc)) from exc
        if pemilik:
            user = User.objects.filter(username=pemilik).first()
            if user is None:
                raise CommandError(f"Pengguna '{pemilik}' tidak ditemukan.")
        else:
            user = User.objects.filter(pemda=obj, peran="admin_pemda").order_by("pk").first()
        try:
            pekerjaan = tugas.bundel_pemda_mulai(pemda=obj, pengguna=user, tahun=tahun,
                                                 format=[f.strip() for f in format.split(",") if f.strip()])
        except tugas.BundelTidakSah as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Pekerjaan {pekerjaan.pk} diantrekan: {pekerjaan.judul}.")
        while tunggu:
            pekerjaan.refresh_from_db()
            if pekerjaan.berakhir:
                if pekerjaan.status == Pekerjaan.Status.GAGAL:
                    raise CommandError(f"Pekerjaan {pekerjaan.pk} gagal: {pekerjaan.galat}")
                self.stdout.write(self.style.SUCCESS(f"Pekerjaan {pekerjaan.pk} selesai: {pekerjaan.hasil_nama}."))
                return
            time.sleep(1)
