"""`make bench`: speed as ratios to a baseline measured in the same run, so figures compare across machines.

Baselines: `renaksi --help` start-up (for imports) and loading a plan's snapshot (for the checker).
Each figure is the median of a few repetitions on a throw-away SQLite database: wall time for the imports
(their floor is a process start-up), CPU time of this process for everything else (`cases.run_all`). Pages and exports are measured on
a synthetic Kota Bench (`renaksi synth`, BENCH_PD perangkat daerah, 40 by default). Results go to bench/results.json
(commit, date, every case) so that commits can be compared; docs/performance.md reads them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import cases
from renaksi.impor.contoh import SEEDS_DIR

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
RESULTS = Path(__file__).resolve().parent / "results.json"


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], capture_output=True, text=True, cwd=RESULTS.parent)
    return result.stdout.strip()


def median_seconds(fn, repeat: int = REPEAT, clock=time.perf_counter) -> float:
    return cases.median_seconds(fn, repeat, clock)


def setup_django() -> None:
    data_dir = tempfile.mkdtemp(prefix="renaksi-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["RENAKSI_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> int:
    renaksi = Path(sys.executable).with_name("renaksi")
    startup = median_seconds(lambda: subprocess.run([str(renaksi), "--help"], capture_output=True, check=True))
    print(f"baseline: `renaksi --help` start-up = {startup * 1000:.0f} ms (median of {REPEAT})")
    setup_django()

    rows = cases.run_all(startup=startup, median_seconds=median_seconds, seeds=SEEDS_DIR)
    width = max(len(r["case"]) for r in rows) if rows else 10
    # `raw`: a page against its old floor, the SQL alone without the HTTP stack (decision 0019), for comparison.
    print("medians: the imports in wall time, every other case in CPU time of this process (page and floor alike)")
    print(f"{'case'.ljust(width)}  {'ratio':>8}  {'median':>9}  {'floor':>9}  {'raw':>8}  goal")
    for r in rows:
        met = {True: "met", False: "NOT met", None: ""}[r["met"]]
        goal = f"{r['goal']}: {met}" if r["goal"] else ""
        raw = f"{r['ratio_raw']:>7.1f}x" if r["ratio_raw"] is not None else " " * 8
        print(f"{r['case'].ljust(width)}  {r['ratio']:>7.2f}x  {r['median_ms']:>7.0f}ms  {r['floor_ms']:>7.1f}ms  "
              f"{raw}  {goal}  (floor: {r['floor']})")
    RESULTS.write_text(json.dumps({
        "commit": _git("rev-parse", "HEAD"), "dirty": bool(_git("status", "--porcelain")),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "repeat": REPEAT,
        "startup_ms": round(startup * 1000, 1), "clock": "imports: wall; the rest: CPU of the process", "cases": rows,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
