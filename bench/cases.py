"""The benchmark cases. Each returns rows of `row()`: ratio to a floor measured in the same run, medians, goal."""

from __future__ import annotations

import functools
import json
import os
import statistics
import time
from pathlib import Path

from django.db import transaction


def median_seconds(fn, repeat: int, clock=time.perf_counter) -> float:
    """The median of `repeat` timings of `fn` by `clock`: wall time (`time.perf_counter`, `make bench`) or CPU time of
    this process (`time.process_time`, `bench.bagian`: on a shared machine it moves far less than wall time)."""
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


class Rollback(Exception):
    pass


def _in_rollback(fn):
    def run():
        try:
            with transaction.atomic():
                fn()
                raise Rollback
        except Rollback:
            pass

    return run


def row(name: str, seconds: float, floor: float, floor_label: str, goal: str = "", met: bool | None = None,
        raw_floor: float | None = None) -> dict:
    """One result: the ratio to its floor (measured in the same run), the absolute medians, the issue's goal. A
    page also gives the ratio to its old floor, the raw SQL alone without the HTTP stack (`raw_floor`, decision
    0019), for comparison."""
    return {"case": name, "ratio": round(seconds / floor, 2), "median_ms": round(seconds * 1000, 1),
            "floor": floor_label, "floor_ms": round(floor * 1000, 1), "goal": goal, "met": met,
            "ratio_raw": None if raw_floor is None else round(seconds / raw_floor, 2),
            "floor_raw_ms": None if raw_floor is None else round(raw_floor * 1000, 2)}


def run_all(*, startup: float, median_seconds, seeds: Path) -> list[dict]:
    """Every case. The imports are timed on the wall clock, as their floor (the CLI start-up, a process of its
    own) is; the rest run wholly in this process (test client, views, SQLite) and are timed in CPU time, page and
    floor alike: on a shared machine a wall-clock median of 3 swung a page's ratio from 3.4x to 8.8x while its CPU
    ratio stayed put."""
    cpu = functools.partial(median_seconds, clock=time.process_time)
    rows: list[dict] = []
    rows += import_cases(startup=startup, median_seconds=median_seconds, seeds=seeds)
    rows += checker_cases(median_seconds=cpu, seeds=seeds)
    rows += synth_cases(median_seconds=cpu)
    return rows


def import_cases(*, startup, median_seconds, seeds):
    from renaksi.impor.api import import_path

    rows = []
    for seed in sorted(seeds.glob("*.txt")):
        seconds = median_seconds(_in_rollback(lambda seed=seed: import_path(seed)))
        rows.append(row(f"import {seed.name}", seconds, startup, "`renaksi --help` start-up", "≤ 3× floor",
                        seconds <= 3 * startup))
    rows.append(pdf_import_case(startup=startup, median_seconds=median_seconds))
    return rows


def long_pdf(pages: int = 40) -> bytes:
    """A report-layout Rencana Aksi printed by WeasyPrint to about `pages` landscape A4 pages: an indikator table,
    a program table and one aksi table with a month schedule per sub kegiatan (issue 19's "40-page PDF")."""
    import html

    import weasyprint

    words = ["gizi", "imunisasi", "sanitasi", "posyandu", "rujukan", "farmasi", "laboratorium", "ambulans", "lansia",
             "remaja", "jiwa", "malaria", "tuberkulosis", "kusta", "gigi", "mata", "telinga", "kerja", "olahraga",
             "haji"]

    def nama(i: int) -> str:  # distinct names: numbered ones alike would be matched as one ("nama.mirip")
        return f"{words[i % 20]} {words[(i // 20 + 7) % 20]} {words[(i // 400 + 13) % 20]}"

    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

    def table(rows: list[list[str]]) -> str:
        return "<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                                   for r in rows) + "</table>"

    n_sub = pages * 11 // 2  # five or six aksi tables and their program rows per page
    body = ["<p>RENCANA AKSI</p><p>DINAS KESEHATAN KABUPATEN BENCH</p><p>TAHUN 2025</p>", "<p>Tabel 1</p>",
            table([["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "TW I", "TW II", "TW III",
                    "TW IV"]] + [[str(i + 1), f"Meningkatnya layanan {nama(i)}", f"Persentase capaian {nama(i)}",
                                  "Persen", "80", "20", "40", "60", "80"] for i in range(pages)]),
            "<p>Tabel 2</p>"]
    program = [["No", "Program", "Kegiatan", "Sub Kegiatan", "Pagu (Rp)"]]
    for s in range(n_sub):
        if s % 4 == 0:
            program.append([str(s // 4 + 1), f"Program Layanan {nama(s // 4)}", f"Kegiatan Layanan {nama(s // 4)}",
                            "", f"{4 * 10_000_000:,}".replace(",", ".")])
        program.append(["", "", "", f"Sub Kegiatan Layanan {nama(s)}", f"{10_000_000:,}".replace(",", ".")])
    body.append(table(program))
    for s in range(n_sub):
        if s % 8 == 0:
            body.append(f"<p>BIDANG PELAYANAN {s // 8 + 1}</p>")
        rows = [["No", "Uraian Aksi", "Jadwal"] + [""] * 11 + ["Keluaran", "Sub Kegiatan"], ["", ""] + months + ["", ""]]
        for a in range(3):
            marks = ["x" if (m + a) % 3 == 0 else "" for m in range(12)]
            rows.append([str(a + 1), f"Aksi {words[a]} layanan {nama(s)}", *marks, "Laporan",
                         f"Sub Kegiatan Layanan {nama(s)}" if a == 0 else ""])
        body.append(table(rows))
    style = ("@page { size: A4 landscape; margin: 1.5cm 1.2cm } body { font-family: 'DejaVu Sans'; font-size: 8pt } "
             "table { border-collapse: collapse; width: 100%; margin: 4pt 0 } td { border: 0.6pt solid #000; "
             "padding: 1.5pt 2pt; vertical-align: top } p { margin: 0 0 3pt 0 }")
    return weasyprint.HTML(string=f"<html><head><meta charset='utf-8'><style>{style}</style></head><body>"
                                  f"{''.join(body)}</body></html>").write_pdf()


def pdf_import_case(*, startup, median_seconds) -> dict:
    """Import (read, parse, write in a rolled-back transaction) of a 40-page PDF, as a ratio to the CLI start-up."""
    import io

    import pdfplumber

    from renaksi.impor import api

    data = long_pdf()
    pages = len(pdfplumber.open(io.BytesIO(data)).pages)

    def run():
        api.import_document(api.parse_document(data, "rencana-aksi-panjang.pdf"), tahun=2025, pemda="Kabupaten Bench",
                            perangkat_daerah="Dinas Kesehatan")

    seconds = median_seconds(_in_rollback(run), repeat=1)  # a minute or more each: once
    return row(f"import of a {pages}-page PDF", seconds, startup, "`renaksi --help` start-up")


def checker_cases(*, median_seconds, seeds):
    from renaksi.impor.api import import_path
    from renaksi.pemeriksaan.api import check_plan
    from renaksi.pemeriksaan.selectors import load_plan_snapshot

    rows = []
    largest = max(seeds.glob("*.txt"), key=lambda p: p.stat().st_size)
    with transaction.atomic():
        plan = import_path(largest).rencana_aksi
        load = median_seconds(lambda: load_plan_snapshot(plan.pk))
        check = median_seconds(lambda: check_plan(plan))
        rows.append(row(f"check {largest.name}", check, load, "loading its snapshot"))
        transaction.set_rollback(True)
    return rows


# --- monev pages ----------------------------------------------------------------------------------------------

RAW_PLAN_SQL = [
    # the rows the monev page shows for one plan: indikator with targets and realisasi, evaluasi, tindak lanjut,
    # sub kegiatan with realisasi anggaran, aksi with schedule and progress
    "SELECT i.id, i.nama, t.triwulan, t.nilai FROM perencanaan_indikator i "
    "LEFT JOIN perencanaan_target t ON t.indikator_id = i.id WHERE i.rencana_aksi_id = %s",
    "SELECT r.indikator_id, r.triwulan, r.nilai FROM monev_realisasiindikator r "
    "JOIN perencanaan_indikator i ON i.id = r.indikator_id WHERE i.rencana_aksi_id = %s",
    "SELECT e.indikator_id, e.faktor_pendorong, e.faktor_penghambat FROM monev_evaluasiindikator e "
    "JOIN perencanaan_indikator i ON i.id = e.indikator_id WHERE i.rencana_aksi_id = %s",
    "SELECT tl.id, tl.uraian, tl.status FROM monev_tindaklanjut tl "
    "JOIN perencanaan_indikator i ON i.id = tl.indikator_id WHERE i.rencana_aksi_id = %s",
    "SELECT s.id, s.nama, s.pagu, ra.triwulan, ra.jumlah FROM perencanaan_subkegiatan s "
    "LEFT JOIN monev_realisasianggaran ra ON ra.sub_kegiatan_id = s.id WHERE s.rencana_aksi_id = %s",
    "SELECT a.id, a.uraian, b.bulan, p.bulan, p.status FROM perencanaan_aksi a "
    "LEFT JOIN perencanaan_aksibulan b ON b.aksi_id = a.id "
    "LEFT JOIN monev_progresaksi p ON p.aksi_id = a.id AND p.bulan = b.bulan WHERE a.rencana_aksi_id = %s",
]




# --- pages and exports of a synthetic Pemda (renaksi synth) --------------------------------------------------

RAW_EDITOR_SQL = [
    # the rows the plan editor and the RA document show: sasaran, indikator with targets, the budget tree, aksi with
    # their schedule
    "SELECT s.id, s.nomor, s.uraian, s.level, s.parent_id FROM perencanaan_sasaran s WHERE s.rencana_aksi_id = %s",
    "SELECT i.id, i.nama, i.satuan, i.polaritas, i.akumulasi, t.triwulan, t.nilai, t.kategori, t.teks "
    "FROM perencanaan_indikator i LEFT JOIN perencanaan_target t ON t.indikator_id = i.id "
    "WHERE i.rencana_aksi_id = %s",
    "SELECT p.id, p.kode, p.nama, p.pagu FROM perencanaan_program p WHERE p.rencana_aksi_id = %s",
    "SELECT k.id, k.kode, k.nama, k.pagu, k.program_id FROM perencanaan_kegiatan k WHERE k.rencana_aksi_id = %s",
    "SELECT s.id, s.kode, s.nama, s.pagu, s.kegiatan_id FROM perencanaan_subkegiatan s WHERE s.rencana_aksi_id = %s",
    "SELECT a.id, a.nomor, a.uraian, a.keluaran, a.penanggung_jawab, b.bulan FROM perencanaan_aksi a "
    "LEFT JOIN perencanaan_aksibulan b ON b.aksi_id = a.id WHERE a.rencana_aksi_id = %s",
]

RAW_OUTLINE_SQL = [
    # what the editor page shows before a section is opened: the outline with its counts and the plan's totals
    "SELECT s.id, s.nomor, s.uraian, s.parent_id, (SELECT count(*) FROM perencanaan_indikator i "
    "WHERE i.sasaran_id = s.id) FROM perencanaan_sasaran s WHERE s.rencana_aksi_id = %s",
    "SELECT k.id, k.kode, k.nama, k.program_id, (SELECT count(*) FROM perencanaan_subkegiatan u "
    "WHERE u.kegiatan_id = k.id) FROM perencanaan_kegiatan k WHERE k.rencana_aksi_id = %s",
    "SELECT p.id, p.kode, p.nama FROM perencanaan_program p WHERE p.rencana_aksi_id = %s",
    # the header's totals: stated pagu per level, numbers of indikator, sub kegiatan and aksi
    "SELECT (SELECT sum(p.pagu) FROM perencanaan_program p WHERE p.rencana_aksi_id = r.id), "
    "(SELECT sum(k.pagu) FROM perencanaan_kegiatan k WHERE k.rencana_aksi_id = r.id), "
    "(SELECT sum(s.pagu) FROM perencanaan_subkegiatan s WHERE s.rencana_aksi_id = r.id), "
    "(SELECT count(*) FROM perencanaan_indikator i WHERE i.rencana_aksi_id = r.id), "
    "(SELECT count(*) FROM perencanaan_subkegiatan s WHERE s.rencana_aksi_id = r.id), "
    "(SELECT count(*) FROM perencanaan_aksi a WHERE a.rencana_aksi_id = r.id) "
    "FROM perencanaan_rencanaaksi r WHERE r.id = %s",
]

RAW_SECTION_SQL = [
    # one kegiatan opened: its row, sub kegiatan and aksi with their schedule
    "SELECT k.id, k.kode, k.nama, k.pagu FROM perencanaan_kegiatan k WHERE k.id = %s",
    "SELECT s.id, s.kode, s.nama, s.pagu, s.kegiatan_id FROM perencanaan_subkegiatan s WHERE s.kegiatan_id = %s",
    "SELECT a.id, a.nomor, a.uraian, a.keluaran, a.penanggung_jawab, a.pagu, b.bulan FROM perencanaan_aksi a "
    "LEFT JOIN perencanaan_aksibulan b ON b.aksi_id = a.id JOIN perencanaan_subkegiatan s ON s.id = a.sub_kegiatan_id "
    "WHERE s.kegiatan_id = %s",
]

RAW_MONEV_SECTION_SQL = [
    # one kegiatan of the monev form opened: its row, sub kegiatan with realisasi anggaran, aksi with their schedule
    # and progress
    "SELECT k.id, k.kode, k.nama, k.pagu FROM perencanaan_kegiatan k WHERE k.id = %s",
    "SELECT s.id, s.kode, s.nama, s.pagu, s.bidang_id, ra.triwulan, ra.jumlah, ra.versi_baris "
    "FROM perencanaan_subkegiatan s LEFT JOIN monev_realisasianggaran ra ON ra.sub_kegiatan_id = s.id "
    "WHERE s.kegiatan_id = %s",
    "SELECT a.id, a.nomor, a.uraian, a.sub_kegiatan_id, b.bulan FROM perencanaan_aksi a "
    "LEFT JOIN perencanaan_aksibulan b ON b.aksi_id = a.id JOIN perencanaan_subkegiatan s ON s.id = a.sub_kegiatan_id "
    "WHERE s.kegiatan_id = %s",
    "SELECT p.aksi_id, p.bulan, p.status FROM monev_progresaksi p JOIN perencanaan_aksi a ON a.id = p.aksi_id "
    "JOIN perencanaan_subkegiatan s ON s.id = a.sub_kegiatan_id WHERE s.kegiatan_id = %s",
]

# The floors by name, as `bench.urls.bench_floor` serves them.
FLOORS = {"plan": RAW_PLAN_SQL, "editor": RAW_EDITOR_SQL, "outline": RAW_OUTLINE_SQL, "section": RAW_SECTION_SQL,
          "monev_section": RAW_MONEV_SECTION_SQL}


def _raw_fetch(statements: list[str], ids: list[int]) -> None:
    """The old floor: the statements run and their rows serialised to JSON, without the HTTP stack."""
    from django.db import connection

    with connection.cursor() as cursor:
        for pk in ids:
            for sql in statements:
                cursor.execute(sql, [pk])
                json.dumps(cursor.fetchall(), default=str)


def measure_page(client, url: str, floor: str, ids: list[int], median_seconds) -> dict:
    """A page against its floor (decision 0019): the raw SQL `FLOORS[floor]` of the same rows (for each of `ids`)
    serialised to JSON and served through the same client, session, authentication and middleware
    (`bench.urls.bench_floor`; call inside `override_settings(ROOT_URLCONF="bench.urls")`). Also the old floor,
    the same SQL → JSON without the HTTP stack."""
    from django.urls import reverse

    floor_url = reverse("bench_floor", args=[floor]) + "?" + "&".join(f"id={pk}" for pk in ids)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert client.get(floor_url).status_code == 200, floor_url
    return {"seconds": median_seconds(lambda: client.get(url)),
            "floor": median_seconds(lambda: client.get(floor_url)),
            "raw_floor": median_seconds(lambda: _raw_fetch(FLOORS[floor], ids)),
            "bytes": len(response.content)}


PAGE_FLOOR = "raw SQL of the same rows → JSON through the same client and middleware"

BENCH_PD = int(os.environ.get("BENCH_PD", "40"))
# One large PD (Dinas Pendidikan: 20 sasaran, 200 indikator, 1,000 aksi) among BENCH_PD; building it takes most of
# the set-up time. BENCH_BESAR_SETIAP=10 gives the "every 10th" (four large PDs at 40) in ~4 more minutes.
BENCH_BESAR_SETIAP = int(os.environ.get("BENCH_BESAR_SETIAP", str(BENCH_PD)))


def synth_cases(*, median_seconds) -> list[dict]:
    """Every page a user waits for, on Kota Bench (`renaksi synth`, realisasi TW I–II), each against a raw SQL
    fetch of the same rows serialised to JSON; the exports against building their `blok.Dokumen`."""
    from django.db.models import Count
    from django.test import Client, override_settings
    from django.urls import reverse

    from renaksi.accounts.models import User
    from renaksi.laporan.registry import FORMAT, LAPORAN
    from renaksi.laporan.tugas import siapkan
    from renaksi.pemeriksaan.api import check_plan
    from renaksi.pemeriksaan.selectors import load_plan_snapshot
    from renaksi.perencanaan.models import Aksi, Kegiatan, RencanaAksi
    from renaksi.sintetis.generator import buat_pemda, username_pd

    rows = []
    with transaction.atomic():
        start = time.perf_counter()
        hasil = buat_pemda(pd=BENCH_PD, seed=1, realisasi=2, pemda="Bench", besar_setiap=BENCH_BESAR_SETIAP)
        print(f"(set-up: renaksi synth --pd {BENCH_PD}, large every {BENCH_BESAR_SETIAP}: "
              f"{time.perf_counter() - start:.0f} s)")
        plans = hasil.rencana_aksi
        ids = [p.pk for p in plans]
        largest = max(plans, key=lambda p: Aksi.objects.filter(rencana_aksi=p).count())
        n_aksi = Aksi.objects.filter(rencana_aksi=largest).count()
        label = f"{largest.perangkat_daerah.singkatan}, {n_aksi:,} aksi"
        client = Client(HTTP_HOST="localhost")  # an allowed host outside the test runner
        client.force_login(User.objects.get(username=username_pd(largest.perangkat_daerah, "perencana")))

        def page(name: str, url: str, floor: str, ids: list[int], goal: str = "",
                 limit: float | None = None, ms: float | None = None) -> None:
            with override_settings(ROOT_URLCONF="bench.urls"):
                m = measure_page(client, url, floor, ids, median_seconds)
            seconds = m["seconds"]
            met = None
            if limit is not None:
                met = seconds <= limit * m["floor"] and (ms is None or seconds * 1000 <= ms)
            rows.append(row(f"{name} ({m['bytes'] / 1e6:.1f} MB)", seconds, m["floor"], PAGE_FLOOR, goal, met,
                            raw_floor=m["raw_floor"]))

        page(f"plan editor page, {label}", reverse("plan_editor", args=[largest.pk]), "outline",
             [largest.pk], "≤ 5× floor", 5)
        # The largest section: the kegiatan with the most aksi, opened (htmx), against its own rows.
        kegiatan = (Kegiatan.objects.filter(rencana_aksi=largest)
                    .annotate(n=Count("sub_kegiatan__aksi")).order_by("-n", "id").first())
        page(f"plan editor section (largest kegiatan, {kegiatan.n} aksi), {label}",
             reverse("rencana_aksi_bagian", args=[largest.pk, "kegiatan", kegiatan.pk]), "section",
             [kegiatan.pk], "≤ 5× floor", 5)
        page(f"RA document page, {label}", reverse("ra_document", args=[largest.pk]), "editor",
             [largest.pk], "≤ 5× floor", 5)
        # The monev form is its outline; its sections load when opened: the page and its largest kegiatan section.
        page(f"monev form TW II (page), {label}", reverse("monev_form", args=[largest.pk, 2]), "plan",
             [largest.pk], "≤ 5× floor", 5)
        biggest = (Kegiatan.objects.filter(rencana_aksi=largest)
                   .annotate(n=Count("sub_kegiatan__aksi")).order_by("-n", "id").first())
        page(f"monev form TW II, largest section (kegiatan, {biggest.n} aksi), {label}",
             reverse("monev_bagian", args=[largest.pk, 2, "kegiatan", biggest.pk]), "monev_section", [biggest.pk],
             "≤ 5× floor", 5)
        page(f"PD dashboard TW II, {label}", reverse("dasbor_pd", args=[largest.pk]) + "?tw=2", "plan",
             [largest.pk])
        client.force_login(User.objects.get(username="bench.admin"))
        page(f"Pemda dashboard TW II, {len(plans)} PDs", reverse("dasbor_pemda") + f"?tahun={largest.tahun}&tw=2",
             "plan", ids, "≤ 5× floor and < 300 ms", 5, 300)

        # The Dokumen RA of the largest plan, as a ratio to building its Dokumen alone: made from scratch (the
        # formatter called directly, past the document cache), then the PDF as people get it once the plan is
        # approved: its ready copy, made by the approval's job (decision 0017).
        kode = "ra"
        build = median_seconds(lambda: LAPORAN[kode].dokumen(rencana_aksi=largest))
        for fmt in ("xlsx", "pdf"):
            render = FORMAT[fmt].render
            seconds = median_seconds(lambda render=render: render(LAPORAN[kode].dokumen(rencana_aksi=largest)))
            goal, met = ("< 0.5 s", seconds < 0.5) if fmt == "xlsx" else (
                "background job (decisions 0011, 0017)", None)
            rows.append(row(f"{fmt.upper()} {LAPORAN[kode].nama}, {label}", seconds, build,
                            "building its Dokumen alone", goal, met))
        RencanaAksi.objects.filter(pk=largest.pk).update(status=RencanaAksi.Status.DISETUJUI)
        siapkan(rencana_aksi=RencanaAksi.objects.get(pk=largest.pk))  # what the approval's job does
        client.force_login(User.objects.get(username=username_pd(largest.perangkat_daerah, "perencana")))
        url = reverse("laporan_unduh", args=[largest.pk, kode, "pdf"])
        assert client.get(url)["Content-Type"] == "application/pdf"  # the ready copy, not the job's page
        seconds = median_seconds(lambda: client.get(url))
        rows.append(row(f"PDF {LAPORAN[kode].nama}, {label}, ready copy", seconds, build,
                        "building its Dokumen alone", "< 3 s", seconds < 3))
        plan = RencanaAksi.objects.get(pk=largest.pk)
        load = median_seconds(lambda: load_plan_snapshot(plan.pk))
        check = median_seconds(lambda: check_plan(plan))
        rows.append(row(f"checker, {label}", check, load, "loading its snapshot"))
        transaction.set_rollback(True)
    return rows
