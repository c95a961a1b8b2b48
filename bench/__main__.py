"""`make bench`: speed as ratios to a baseline measured in the same run, so figures compare across machines.

Baselines: `renaksi --help` start-up (for imports) and loading a plan's snapshot (for the checker).
Each figure is the median of a few repetitions on a throw-away SQLite database.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from renaksi.impor.contoh import SEEDS_DIR

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def median_seconds(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    from bench import cases

    rows = cases.run_all(startup=startup, median_seconds=median_seconds, seeds=SEEDS_DIR)
    width = max(len(name) for name, _, _ in rows) if rows else 10
    print(f"{'case'.ljust(width)}  {'ratio':>8}  baseline")
    for name, ratio, baseline in rows:
        print(f"{name.ljust(width)}  {ratio:>7.2f}x  {baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
