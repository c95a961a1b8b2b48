"""`renaksi import PATH`: read a Rencana Aksi document and store it as a draft plan.

    renaksi import rencana-aksi.txt                       # PD, Pemda and year from the document's title
    renaksi import ra.xlsx --perangkat-daerah "Dinas Kesehatan" --pemda "Kota Samarinda" --tahun 2024
    renaksi import ra.txt --dry-run --json                # read and count, store nothing
    renaksi import ra.txt --replace                       # show what changes, then replace the existing plan
    renaksi import ra.txt --pengguna budi                 # as user budi: only into a PD he may import into
    renaksi import ra.docx --jenis "Tabel 2.3=target"    # read the table captioned "Tabel 2.3" as targets
    renaksi import monev-tw2.xlsx --rencana-aksi 12       # a monev workbook: realisasi into an existing plan

A monev workbook (the form of `renaksi export_monev`, or the Permendagri 86/2017 "Evaluasi terhadap hasil Renja"
table) is recognised by its columns; its realisasi go into an existing plan: --rencana-aksi, else the plan the form
names, else the PD's (--perangkat-daerah or the title) plan of the year (--tahun or the title). See
docs/impor/monev.md; a closed triwulan or a workbook of another PD is refused (exit 1), nothing written.
A plan document whose tables hold realisasi per triwulan (a monev table, `jenis/monev.py`) is the same: when the PD
already has a plan for the year, the realisasi goes into it (without --replace); otherwise the plan is made from the
document and the realisasi is not stored (warning `monev.tanpa_rencana`; its numbers count as not placed, so
--strict refuses it). `--json` lists every table with its kind,
score and rows read (`"tabel"`).

Every number of the document is accounted for (`cakupan`: placed, recognised as numbering/date/NIP/code/total, or
listed as not placed); `--strict` refuses a document with any number not placed: exit 3, nothing written.

Exit status: 0 stored (or, with --dry-run, readable); 3 --strict and some number not placed; 2 the document cannot be read or stored (the message on stderr
names the file, table, row and column); 1 the import is refused (a plan exists: use --replace; or it is locked; or
the --pengguna may not import into that PD, the same rule as the upload page: `perencanaan.add_rencanaaksi`);
75 the database was busy with other saves (nothing stored: run the command again).
Nothing is written unless the whole document is stored.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from renaksi.core.angka import format_rupiah
from renaksi.core.db import database_busy, pesan_sibuk
from renaksi.impor import api, klasifikasi, realisasi
from renaksi.impor.grid import ImporGagal
from renaksi.impor.writer import resolve_tujuan
from renaksi.perencanaan.models import RencanaAksi

LABELS = {"sasaran": "sasaran", "indikator": "indikator", "program": "program", "kegiatan": "kegiatan",
          "sub_kegiatan": "sub kegiatan", "aksi": "aksi", "pejabat": "pejabat"}


def _jenis(pairs: list[str]) -> dict[str, str]:
    """--jenis "Tabel 2.3=target" (repeatable) → {"Tabel 2.3": "target"}."""
    found = {}
    for pair in pairs:
        tabel, sep, nama = pair.rpartition("=")
        if not sep or not tabel.strip() or not nama.strip():
            raise CommandError(f"--jenis '{pair}': tulis TABEL=JENIS, misalnya --jenis 'Tabel 2.3=target'.",
                               returncode=2)
        klasifikasi.by_name(nama)
        found[tabel.strip()] = nama.strip()
    return found


class Command(BaseCommand):
    help = "Impor dokumen rencana aksi (teks/TSV, CSV, XLSX, DOCX) menjadi rencana aksi (draf)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="berkas dokumen rencana aksi")
        parser.add_argument("--tahun", type=int, help="tahun rencana aksi (bawaan: dari judul dokumen)")
        parser.add_argument("--pemda", help="pemerintah daerah, misalnya 'Kota Samarinda' atau 'Samarinda' "
                            "(bawaan: dari judul)")
        parser.add_argument("--perangkat-daerah", dest="perangkat_daerah",
                            help="nama perangkat daerah (bawaan: dari judul dokumen)")
        parser.add_argument("--dry-run", action="store_true", help="baca dan hitung saja, tidak menyimpan apa pun")
        parser.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")
        parser.add_argument("--rencana-aksi", dest="rencana_aksi", type=int,
                            help="monev: id rencana aksi yang menerima realisasi")
        parser.add_argument("--replace", action="store_true",
                            help="ganti rencana aksi yang sudah ada untuk perangkat daerah dan tahun yang sama "
                                 "(perbedaannya ditampilkan lebih dulu)")
        parser.add_argument("--strict", action="store_true",
                            help="tolak (status 3, tidak menyimpan apa pun) bila ada angka dokumen yang tidak "
                                 "ditempatkan")
        parser.add_argument("--jenis", action="append", default=[], metavar="TABEL=JENIS",
                            help="baca tabel bernama TABEL (seperti di keputusan tabel.jenis) sebagai JENIS: iku, pk, "
                                 "anggaran, target, triwulan, aksi; boleh diulang")
        parser.add_argument("--pengguna", help="impor atas nama pengguna ini (username); hanya ke perangkat daerah "
                                               "yang boleh ia impor, seperti di halaman unggah")

    def handle(self, *args, **options):
        path = Path(options["path"])
        kwargs = {k: options[k] for k in ("tahun", "pemda", "perangkat_daerah") if options.get(k)}
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"berkas {path.name}: tidak dapat dibuka ({exc.strerror or exc}).", returncode=2) from exc
        user = self._user(options["pengguna"]) if options.get("pengguna") else None
        try:
            monev = realisasi.parse_realisasi(data, path.name)
            if monev is not None:
                return self._realisasi(monev, options)
            if options.get("rencana_aksi"):
                raise CommandError(f"berkas {path.name} bukan buku kerja monev; --rencana-aksi hanya untuk impor "
                                   f"realisasi (docs/impor/monev.md).", returncode=2)
            parsed = api.parse_document(data, path.name, _jenis(options["jenis"]))
            dalam = realisasi.dalam_dokumen(parsed)  # monev tables: realisasi into the plan that exists
            plan = self._existing(parsed, kwargs) if dalam is not None and not options["replace"] else None
            # Stored as a plan, the document's realisasi is not stored: those numbers are not placed then.
            cakupan = parsed.cakupan if plan is not None else parsed.cakupan.realisasi_tidak_disimpan()
            if options["strict"] and not cakupan.lengkap:
                return self._strict_refusal(parsed.filename, cakupan, options)
            if user is not None:
                self._check_allowed(user, parsed, kwargs)
            if dalam is not None and plan is not None:
                return self._realisasi(dalam, options, plan)
            replace = self._existing(parsed, kwargs) if options["replace"] else None
            if replace is not None:
                diff = api.compare_with_plan(parsed, replace, **kwargs)
                out = self.stderr if options["json"] else self.stdout
                out.write(diff.as_text())
            result = api.import_document(parsed, user=user, replace=replace, dry_run=options["dry_run"], **kwargs)
        except ImporGagal as exc:
            raise CommandError(str(exc), returncode=2) from exc
        except api.ImporDitolak as exc:
            raise CommandError(exc.message, returncode=1) from exc
        except DatabaseError as exc:
            if not database_busy(exc):
                raise
            raise CommandError(pesan_sibuk(), returncode=75) from exc  # EX_TEMPFAIL
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        else:
            self._print(result, replaced=replace is not None)

    def _strict_refusal(self, filename: str, cakupan, options) -> None:
        """--strict and some numbers were not placed: list them, write nothing, exit 3."""
        if options["json"]:
            self.stdout.write(json.dumps({"ditolak": "strict", "cakupan": cakupan.as_json()}, ensure_ascii=False,
                                         indent=2))
        else:
            self._cakupan(cakupan)
        raise CommandError(f"berkas {filename}: {len(cakupan.tidak_ditempatkan)} angka dokumen tidak "
                           f"ditempatkan (--strict); tidak ada yang disimpan.", returncode=3)

    def _cakupan(self, cakupan) -> None:
        self.stdout.write(f"  angka dokumen: {cakupan.angka}, ditempatkan {cakupan.ditempatkan} "
                          f"({cakupan.persen}%), diabaikan {cakupan.jumlah_diabaikan}"
                          + "".join(f"; {alasan} {n}" for alasan, n in cakupan.rincian_diabaikan())
                          + f", tidak ditempatkan {len(cakupan.tidak_ditempatkan)}")
        for kalimat in cakupan.tanpa_tempat:
            self.stdout.write(f"  {kalimat}")
        for place, teks, alasan in cakupan.tidak_ditempatkan:
            self.stdout.write(f"  - tidak ditempatkan: '{teks}' [{place.describe()}]" + (f" ({alasan})" if alasan else ""))

    def _realisasi(self, parsed: realisasi.ParsedRealisasi, options, plan: RencanaAksi | None = None) -> None:
        """A monev workbook (or a document's monev tables): its realisasi into an existing plan (errors are handled
        by `handle`)."""
        if plan is None:
            plan = realisasi.plan_for(parsed.dokumen, rencana_aksi_id=options.get("rencana_aksi"),
                                      perangkat_daerah=options.get("perangkat_daerah"), tahun=options.get("tahun"))
        result = realisasi.import_realisasi(parsed, rencana_aksi=plan, dry_run=options["dry_run"])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
            return
        what = "dibaca (uji coba, tidak disimpan)" if result.dry_run else "disimpan"
        n = result.written
        self.stdout.write(f"Realisasi untuk {plan} {what}: {n['realisasi_indikator']} realisasi indikator, "
                          f"{n['realisasi_anggaran']} realisasi anggaran, {n['evaluasi']} evaluasi; "
                          f"{result.unchanged} nilai tidak berubah.")
        self._notes(result)

    def _notes(self, result) -> None:
        for title, notes in (("Keputusan", result.decisions), ("Peringatan", result.warnings)):
            if notes:
                self.stdout.write(f"{title} ({len(notes)}):")
                for note in notes:
                    self.stdout.write(f"  - [{note.kode}] {note.judul}: {note.pesan}"
                                      + (f" [{note.place.describe()}]" if note.place else ""))

    @staticmethod
    def _user(username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"pengguna '{username}' tidak ada.", returncode=2)
        return user

    @staticmethod
    def _check_allowed(user, parsed, kwargs) -> None:
        """Refuse (exit 1) a PD the user may not import into, before anything is written."""
        with transaction.atomic():  # resolving may create the Pemda/PD; that is not kept here
            pd = resolve_tujuan(parsed.dokumen, pemda=kwargs.get("pemda"),
                                perangkat_daerah=kwargs.get("perangkat_daerah"), tahun=kwargs.get("tahun"))
            allowed = user.has_perm("perencanaan.add_rencanaaksi", pd.perangkat_daerah)
            nama = pd.perangkat_daerah.nama
            transaction.set_rollback(True)
        if not allowed:
            raise CommandError(f"pengguna '{user.username}' tidak berhak mengimpor rencana aksi {nama}.",
                               returncode=1)

    @staticmethod
    def _existing(parsed, kwargs) -> RencanaAksi | None:
        """The plan a --replace would replace (None when there is none: a plain import)."""
        with transaction.atomic():  # resolving may create the Pemda/PD; that is not kept here
            tujuan = resolve_tujuan(parsed.dokumen, pemda=kwargs.get("pemda"),
                                    perangkat_daerah=kwargs.get("perangkat_daerah"), tahun=kwargs.get("tahun"))
            found = RencanaAksi.objects.filter(perangkat_daerah=tujuan.perangkat_daerah,
                                               tahun=tujuan.tahun).order_by("-versi").first()
            transaction.set_rollback(True)
        return found

    def _print(self, result: api.ImportResult, replaced: bool) -> None:
        ra = result.as_json()["rencana_aksi"]
        what = "dibaca (uji coba, tidak disimpan)" if result.dry_run else ("menggantikan rencana lama" if replaced
                                                                            else "disimpan sebagai draf")
        self.stdout.write(f"Rencana aksi {ra['perangkat_daerah']} {ra['pemda']} tahun {ra['tahun']} {what}"
                          + ("" if result.dry_run else f" (id {ra['id']})") + ".")
        self.stdout.write("  " + ", ".join(f"{n} {LABELS[k]}" for k, n in result.counts.items()))
        self.stdout.write("  pagu: " + ", ".join(f"{LABELS[k]} {format_rupiah(v, rp=True)}"
                                                for k, v in result.pagu.items()))
        if result.cakupan is not None:
            self._cakupan(result.cakupan)
        self._notes(result)
