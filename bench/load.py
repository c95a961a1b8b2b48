"""`make load` / `make load-cluster`: Renaksi under a reporting week's load, on this machine, through loopback only.

What it does, each time, and stops by itself:
1. creates (once) and migrates its own PostgreSQL database `renaksi_load` (LOAD_PG, default
   postgres://postgres@127.0.0.1:5432), creates the cache table, collects the static files;
2. builds the synthetic Kota Sintetis with `renaksi synth` (40 PD, one large; realisasi of TW I, whose reporting
   window is then open) — skipped when it exists — and writes var/load/plan.json: for each PD its plan, users and
   the rows its perencana will report;
3. starts gunicorn with the production settings (config.settings.prod, DEBUG off, HTTPS redirect, secure cookies,
   HSTS) on 127.0.0.1:LOAD_PORT; with `--cluster`, two gunicorn instances on the same port (SO_REUSEPORT) and two
   job workers (`renaksi db_worker`) on the same database, with a Pemda document bundle being built meanwhile;
4. runs locust headless (bench/locustfile.py, from its own venv .venv-load) with LOAD_USERS users (100) for at
   most LOAD_RUN_TIME (3 min) or LOAD_MAX_REQUESTS requests, whichever comes first;
5. prints throughput, p50 / p95 / p99 and errors, writes bench/load.json, stops the servers.

The load client stands in for the TLS reverse proxy: it sends `X-Forwarded-Proto: https` (the production
settings' SECURE_PROXY_SSL_HEADER) and returns the secure cookies over loopback. Nothing in the settings is
loosened for the test.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOAD_BIN = ROOT / ".venv-load" / "bin"
VAR = ROOT / "var" / "load"
RESULT = Path(__file__).resolve().parent / "load.json"

PG = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("LOAD_DB", "renaksi_load")
PORT = int(os.environ.get("LOAD_PORT", "8765"))
USERS = int(os.environ.get("LOAD_USERS", "100"))
SPAWN_RATE = os.environ.get("LOAD_SPAWN_RATE", "1")  # 100 logins over 100 s
RUN_TIME = os.environ.get("LOAD_RUN_TIME", "300s")
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "6000"))
# Per gunicorn instance; the cluster runs two instances.
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))
THREADS = int(os.environ.get("LOAD_THREADS", "4"))
CONN_MAX_AGE = os.environ.get("LOAD_CONN_MAX_AGE", "60")
PD, SEED, TAHUN, TRIWULAN = 40, 2024, 2024, 1
PEMDA = "Sintetis"
GOAL_P95_MS = 1000
LOAD_BEFORE: list[float] = []


def server_env() -> dict[str, str]:
    secret_file = VAR / "secret_key"
    if not secret_file.exists():  # one key for every run: sessions stay valid between two `make load`
        VAR.mkdir(parents=True, exist_ok=True)
        secret_file.write_text(secrets.token_urlsafe(50))
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        DATABASE_URL=f"{PG}/{DB_NAME}",
        SECRET_KEY=secret_file.read_text().strip(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        RENAKSI_DATA_DIR=str(VAR / "data"),
        CONN_MAX_AGE=CONN_MAX_AGE,
        RENAKSI_SITE_URL=f"https://127.0.0.1:{PORT}",
    )


def run(*args: str, env: dict[str, str]) -> None:
    print("$", " ".join(args), flush=True)
    subprocess.run(args, env=env, check=True, cwd=ROOT)


def create_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone() is None:
            print(f"CREATE DATABASE {DB_NAME}", flush=True)
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def prepare_database(env: dict[str, str]) -> None:
    create_database()
    renaksi = str(BIN / "renaksi")
    run(renaksi, "migrate", "--noinput", "-v0", env=env)
    run(renaksi, "createcachetable", env=env)
    run(renaksi, "collectstatic", "--noinput", "-v0", env=env)
    run(renaksi, "synth", "--pd", str(PD), "--seed", str(SEED), "--realisasi", str(TRIWULAN), "--pemda", PEMDA,
        "--besar-setiap", str(PD), env=env)
    run(str(BIN / "python"), "-m", "bench.load", "--plan", str(VAR / "plan.json"), env=env)


def write_plan(out: Path) -> None:
    """var/load/plan.json: per PD its plan id, its users and the rows its perencana reports (run under Django)."""
    import django

    django.setup()
    from renaksi.core.angka import banyak_desimal, teks_kategori
    from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator
    from renaksi.organisasi.models import Pemda, PerangkatDaerah
    from renaksi.perencanaan.forms import nilai_input
    from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi, SubKegiatan
    from renaksi.sintetis.generator import _pemda_key, username_pd

    pemda = Pemda.objects.get(nama=PEMDA, jenis=Pemda.Jenis.KOTA)
    pds = []
    for pd in PerangkatDaerah.objects.filter(pemda=pemda).order_by("pk"):
        plan = RencanaAksi.objects.filter(perangkat_daerah=pd, tahun=TAHUN).order_by("-versi").first()
        if plan is None:
            continue
        realisasi = {r.indikator_id: r for r in RealisasiIndikator.objects.filter(
            indikator__rencana_aksi=plan, triwulan=TRIWULAN)}
        indikator = []
        for ind in Indikator.objects.filter(rencana_aksi=plan).order_by("pk"):
            r = realisasi.get(ind.pk)
            if r is None:
                continue
            number = nilai_input(r.nilai, banyak_desimal(r.nilai, tanpa_nol=True)) if r.nilai is not None else ""
            indikator.append({"id": ind.pk, "realisasi": teks_kategori(r.kategori, number),
                              "versi": r.versi_baris})
        anggaran = {a.sub_kegiatan_id: a for a in RealisasiAnggaran.objects.filter(
            sub_kegiatan__rencana_aksi=plan, triwulan=TRIWULAN)}
        subs = [{"id": s.pk, "pagu": s.pagu, "versi": anggaran[s.pk].versi_baris if s.pk in anggaran else 0}
                for s in SubKegiatan.objects.filter(rencana_aksi=plan).order_by("pk")]
        aksi = list(Aksi.objects.filter(rencana_aksi=plan).order_by("pk").values_list("pk", flat=True)[:200])
        pds.append({"nama": pd.nama, "plan": plan.pk,
                    "users": {s: username_pd(pd, s) for s in ("perencana", "kabid", "kepala")},
                    "indikator": indikator, "sub_kegiatan": subs, "aksi": aksi})
    key = _pemda_key(pemda)
    data = {"tahun": TAHUN, "triwulan": TRIWULAN, "password": "renaksi-demo",
            "pemda_users": [f"{key}.evaluator", f"{key}.admin"], "pd": pds}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1))
    print(f"{out}: {len(pds)} PD", flush=True)


# --- processes ------------------------------------------------------------------------------------------------


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    log.parent.mkdir(parents=True, exist_ok=True)
    print("$", " ".join(args), f"> {log}", flush=True)
    return subprocess.Popen(args, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(processes: list[subprocess.Popen]) -> None:
    for p in processes:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in processes:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def gunicorn(env: dict[str, str], *, name: str, reuse_port: bool) -> list[str]:
    args = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", str(WORKERS),
            "--threads", str(THREADS), "--worker-class", "gthread", "--timeout", "60", "--graceful-timeout", "10",
            "--name", name]
    return args + (["--reuse-port"] if reuse_port else [])


def wait_for_port(processes: list[subprocess.Popen], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise SystemExit("Server berhenti sebelum siap; lihat log di var/load/.")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", PORT)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"Server tidak menjawab di 127.0.0.1:{PORT} dalam {timeout:.0f} detik.")


def cpu_seconds(processes: list[subprocess.Popen]) -> float:
    """CPU time (user + system) used so far by the processes started here and their children (gunicorn workers):
    what a request costs, whatever else the shared machine is doing."""
    groups = {p.pid for p in processes}
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) in groups:  # process group: each server was started in its own session
            total += int(fields[11]) + int(fields[12])
    return total / tick


def port_free() -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", PORT)) != 0


def background_work(env: dict[str, str]) -> tuple[list[subprocess.Popen], str]:
    """The cluster's two job workers (`renaksi db_worker`, django-tasks' database queue) and the Pemda document
    bundle (`renaksi bundel`, PDF of every PD's plan) they build while the load test runs; (workers, job number)."""
    renaksi = str(BIN / "renaksi")
    help_text = subprocess.run([renaksi, "help"], env=env, cwd=ROOT, capture_output=True, text=True).stdout
    if "db_worker" not in help_text or "bundel" not in help_text:
        print("!! `renaksi db_worker` / `renaksi bundel` tidak ada: klaster tanpa job worker.", flush=True)
        return [], ""
    # Niced as docs/deploy.md recommends: a document build must not take the CPU from the requests on the same box.
    workers = [start(["nice", "-n", "10", renaksi, "db_worker", "--interval", "1"], env, VAR / f"worker{n}.log")
               for n in (1, 2)]
    print(f"$ renaksi bundel --pemda {PEMDA} --format pdf", flush=True)
    out = subprocess.run([renaksi, "bundel", "--pemda", PEMDA, "--format", "pdf"], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    print(out.strip(), flush=True)
    return workers, out.split()[1] if out.startswith("Pekerjaan ") else ""


def job_status(env: dict[str, str], job: str) -> str:
    code = (f"from renaksi.pekerjaan.models import Pekerjaan as P; p = P.objects.get(pk={int(job)}); "
            "print(p.status, f'{p.persen} %', p.galat or '')")
    result = subprocess.run([str(BIN / "renaksi"), "shell", "--no-imports", "-c", code], env=env, cwd=ROOT,
                            capture_output=True, text=True)
    return (result.stdout or result.stderr).strip()[:300]


# --- the run --------------------------------------------------------------------------------------------------


def locust(csv_prefix: Path) -> None:
    if not (LOAD_BIN / "locust").exists():
        raise SystemExit("locust tidak ada di .venv-load: jalankan `make load` (memasang requirements-load.txt).")
    env = dict(os.environ, RENAKSI_LOAD_PLAN=str(VAR / "plan.json"))
    args = [str(LOAD_BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
            "--host", f"http://127.0.0.1:{PORT}", "-u", str(USERS), "-r", SPAWN_RATE, "--run-time", RUN_TIME,
            "--stop-timeout", "10", "--max-requests", str(MAX_REQUESTS), "--csv", str(csv_prefix),
            "--only-summary", "--loglevel", "WARNING"]
    print("$", " ".join(args), flush=True)
    subprocess.run(args, env=env, cwd=ROOT, check=False)  # locust exits 1 when a request failed: reported below


def summarise(csv_prefix: Path, *, mode: str, seconds: float, jobs: list[str]) -> dict:
    rows = list(csv.DictReader(Path(f"{csv_prefix}_stats.csv").open()))

    def figures(r: dict) -> dict:
        return {"requests": int(r["Request Count"]), "errors": int(r["Failure Count"]),
                "rps": round(float(r["Requests/s"]), 1), "p50_ms": _ms(r["50%"]), "p95_ms": _ms(r["95%"]),
                "p99_ms": _ms(r["99%"]), "max_ms": _ms(r["Max Response Time"])}

    total = figures(next(r for r in rows if r["Name"] == "Aggregated"))
    per_name = {f'{r["Type"]} {r["Name"]}': figures(r) for r in rows if r["Name"] != "Aggregated"}
    failures = []
    failures_csv = Path(f"{csv_prefix}_failures.csv")
    if failures_csv.exists():
        failures = [{"request": f'{r["Method"]} {r["Name"]}', "error": r["Error"][:300],
                     "count": int(r["Occurrences"])} for r in csv.DictReader(failures_csv.open())]
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "commit": commit, "mode": mode,
        "users": USERS, "seconds": round(seconds, 1),
        "servers": (2 if mode == "cluster" else 1), "workers_per_server": WORKERS, "threads_per_worker": THREADS,
        "conn_max_age": int(CONN_MAX_AGE), "cpus": os.cpu_count(), "job_workers": jobs,
        "load_average_before": LOAD_BEFORE, "load_average_after": [round(x, 1) for x in os.getloadavg()],
        "goal": {"errors": 0, "p95_ms_below": GOAL_P95_MS},
        "met": total["errors"] == 0 and total["p95_ms"] < GOAL_P95_MS,
        "total": total, "requests": per_name, "failures": failures,
    }


def _ms(value: str) -> int | None:
    return None if value in ("", "N/A") else int(float(value))


def report(result: dict) -> None:
    t = result["total"]
    print(f"\n== Load test ({result['mode']}, {result['users']} users, {result['seconds']:.0f} s) ==")
    print(f"{'request':44} {'n':>6} {'err':>4} {'p50':>6} {'p95':>6} {'p99':>6}")
    for name, f in sorted(result["requests"].items()):
        print(f"{name[:44]:44} {f['requests']:>6} {f['errors']:>4} {f['p50_ms']:>6} {f['p95_ms']:>6} {f['p99_ms']:>6}")
    print(f"{'TOTAL':44} {t['requests']:>6} {t['errors']:>4} {t['p50_ms']:>6} {t['p95_ms']:>6} {t['p99_ms']:>6}")
    print(f"throughput {t['rps']} req/s; errors {t['errors']}; p50 {t['p50_ms']} ms, p95 {t['p95_ms']} ms, "
          f"p99 {t['p99_ms']} ms — goal (0 errors, p95 < {GOAL_P95_MS} ms) "
          f"{'MET' if result['met'] else 'NOT MET'}")
    for f in result["failures"][:10]:
        print(f"  failure ×{f['count']}: {f['request']}: {f['error']}")
    if result.get("app_cpu_ms_per_request"):
        print(f"app servers: {result['app_cpu_seconds']} CPU-s, {result['app_cpu_ms_per_request']} CPU-ms per request "
              f"(load average before/after: {result['load_average_before']} / {result['load_average_after']})")
    if result.get("bundle_job"):
        print(f"document bundle job {result['bundle_job']['id']}: {result['bundle_job']['status_after_run']}")
    print(f"→ {RESULT.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cluster", action="store_true", help="two gunicorn on one port + two job workers")
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)  # internal: write plan.json under Django
    args = parser.parse_args(argv)
    if args.plan:
        write_plan(args.plan)
        return 0
    if not port_free():
        raise SystemExit(f"Port 127.0.0.1:{PORT} sudah dipakai; pilih LOAD_PORT lain.")
    env = server_env()
    prepare_database(env)
    processes: list[subprocess.Popen] = []
    mode = "cluster" if args.cluster else "single"
    try:
        n = 2 if args.cluster else 1
        for i in range(1, n + 1):
            processes.append(start(gunicorn(env, name=f"renaksi-load-{i}", reuse_port=args.cluster), env,
                                   VAR / f"gunicorn{i}.log"))
        wait_for_port(processes)
        jobs: list[str] = []
        job = ""
        if args.cluster:
            workers, job = background_work(env)
            processes += workers
            jobs = [f"db_worker {n}" for n in range(1, len(workers) + 1)]
        csv_prefix = VAR / f"locust-{mode}"
        global LOAD_BEFORE
        LOAD_BEFORE = [round(x, 1) for x in os.getloadavg()]  # the machine is shared: say how busy it was
        start_time, cpu_start = time.monotonic(), cpu_seconds(processes)
        locust(csv_prefix)
        seconds, cpu = time.monotonic() - start_time, cpu_seconds(processes) - cpu_start
        bundle = job_status(env, job) if job else ""
        if any(p.poll() is not None for p in processes):
            print("!! a server or worker stopped during the run; see var/load/*.log", flush=True)
    finally:
        stop(processes)
    result = summarise(csv_prefix, mode=mode, seconds=seconds, jobs=jobs)
    n = result["total"]["requests"]
    result["app_cpu_seconds"] = round(cpu, 1)  # app servers and job workers
    if job:
        result["bundle_job"] = {"id": int(job), "status_after_run": bundle}
    result["app_cpu_ms_per_request"] = round(cpu * 1000 / n, 1) if n else None
    RESULT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    report(result)
    return 0 if result["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
