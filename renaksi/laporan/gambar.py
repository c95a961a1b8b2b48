"""Page 1 of each document of the Samarinda seed as a PNG for the user guide (docs/laporan.md):

    python -m renaksi.laporan.gambar                 # writes docs/img/laporan-<kode>.png
    python -m renaksi.laporan.gambar --keluaran /tmp/img --seed PATH --dpi 60

Runs on a throw-away SQLite database (like `make bench`): migrate, import the seed through `renaksi import`, export
each document as PDF with `laporan.ekspor` (monev for TW II) and render its first page with poppler's `pdftoppm`.
Rerun it whenever a document's layout changes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The Samarinda seed (renaksi.impor.contoh.SEED_SAMARINDA; laporan does not import impor, tests/test_architecture.py)
SEED_SAMARINDA = ROOT / "renaksi" / "impor" / "contoh" / "003_a1ceddc45d39290c.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Halaman 1 setiap dokumen sebagai PNG untuk docs/laporan.md.")
    parser.add_argument("--keluaran", type=Path, default=ROOT / "docs" / "img", help="direktori PNG")
    parser.add_argument("--seed", type=Path, default=SEED_SAMARINDA, help="dokumen rencana aksi yang diimpor")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm tidak ditemukan: pasang poppler-utils.", file=sys.stderr)
        return 2

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["RENAKSI_DATA_DIR"] = tempfile.mkdtemp(prefix="renaksi-gambar-")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    from renaksi.laporan.ekspor import ekspor
    from renaksi.laporan.registry import LAPORAN
    from renaksi.perencanaan.models import RencanaAksi

    call_command("migrate", verbosity=0)
    call_command("import", str(args.seed), stdout=open(os.devnull, "w"))  # noqa: SIM115
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").latest("pk")
    args.keluaran.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kode, entry in LAPORAN.items():
            if entry.jenis != "dokumen" or "pdf" not in entry.format:
                continue
            berkas = ekspor(rencana_aksi=plan, laporan=kode, format="pdf",
                            triwulan=2 if entry.triwulan == "wajib" else None)
            pdf = Path(tmp) / berkas.nama
            pdf.write_bytes(berkas.isi)
            target = args.keluaran / f"laporan-{kode}"
            subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(target)], check=True)
            print(f"{target}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
