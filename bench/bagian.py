"""`python -m bench.bagian`: the plan editor page, the largest kegiatan section of the editor and of the monev
form (TW II) and the RA document page on the large synthetic PD, each against its floor (decision 0019), without
rerunning `make bench`.

The large PD of `make bench` (Dinas Pendidikan of Kota Bench: `renaksi synth`, seed 1, realisasi TW I–II) and the
seed plans are built once into the file database of RENAKSI_DATA_DIR (required: this never touches `var/`); later
runs reuse it.

    RENAKSI_DATA_DIR=/tmp/bagian python -m bench.bagian                 # medians (CPU time) and ratios
    RENAKSI_DATA_DIR=/tmp/bagian python -m bench.bagian --profile bagian  # cProfile of one case (page|bagian|monev|ra)
    RENAKSI_DATA_DIR=/tmp/bagian python -m bench.bagian --html DIR       # the editor page and every section of every plan,
                                                                         # per role, as HTML files to compare
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

PEMDA = "Bench"
ROLES = ("perencana", "kabid", "kepala")  # may edit everything, his bidang's rows, nothing


def setup() -> None:
    if not os.environ.get("RENAKSI_DATA_DIR"):
        sys.exit("Set RENAKSI_DATA_DIR to a directory for the bench database.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build() -> None:
    """The large synthetic PD and the seed plans with users per role, once."""
    from django.contrib.auth.hashers import make_password

    from renaksi.impor.api import import_path
    from renaksi.impor.contoh import SEEDS_DIR
    from renaksi.perencanaan.models import RencanaAksi
    from renaksi.sintetis.generator import _pengguna_pd, buat_pemda

    if RencanaAksi.objects.exists():
        return
    print("building the large synthetic PD and the seeds (once)…", flush=True)
    buat_pemda(pd=1, seed=1, realisasi=2, pemda=PEMDA, besar_setiap=1)
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        _pengguna_pd(import_path(seed).rencana_aksi.perangkat_daerah, make_password("bench"))


def client_for(plan, role: str):
    """A client logged in as the plan's PD user of `role`; None when the PD has none (a kabid without bidang)."""
    from django.test import Client

    from renaksi.accounts.models import User
    from renaksi.sintetis.generator import username_pd

    user = User.objects.filter(username=username_pd(plan.perangkat_daerah, role)).first()
    if user is None:
        return None
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def largest():
    from django.db.models import Count

    from renaksi.perencanaan.models import Aksi, Kegiatan, RencanaAksi

    plan = max(RencanaAksi.objects.filter(perangkat_daerah__pemda__nama__contains=PEMDA),
               key=lambda p: Aksi.objects.filter(rencana_aksi=p).count())
    kegiatan = (Kegiatan.objects.filter(rencana_aksi=plan).annotate(n=Count("sub_kegiatan__aksi"))
                .order_by("-n", "id").first())
    return plan, kegiatan


def cases() -> dict[str, tuple[str, str, list[int]]]:
    from django.urls import reverse

    plan, kegiatan = largest()
    return {
        "page": (reverse("plan_editor", args=[plan.pk]), "outline", [plan.pk]),
        "bagian": (reverse("rencana_aksi_bagian", args=[plan.pk, "kegiatan", kegiatan.pk]), "section",
                   [kegiatan.pk]),
        "monev": (reverse("monev_bagian", args=[plan.pk, 2, "kegiatan", kegiatan.pk]), "monev_section",
                  [kegiatan.pk]),
        "ra": (reverse("ra_document", args=[plan.pk]), "editor", [plan.pk]),
    }


def measure(repeat: int) -> None:
    from bench.cases import measure_page, median_seconds

    plan, kegiatan = largest()
    client = client_for(plan, "perencana")
    print(f"{plan.perangkat_daerah.nama}, kegiatan {kegiatan.pk} ({kegiatan.n} aksi), CPU time, median of {repeat}")
    print(f"{'case':8} {'median':>9} {'floor':>8} {'ratio':>7} {'raw floor':>10} {'raw ratio':>10} {'size':>9}")
    for name, (url, floor, ids) in cases().items():
        m = measure_page(client, url, floor, ids, lambda fn: median_seconds(fn, repeat, clock=time.process_time))
        print(f"{name:8} {m['seconds'] * 1000:7.1f}ms {m['floor'] * 1000:6.2f}ms {m['seconds'] / m['floor']:6.2f}x "
              f"{m['raw_floor'] * 1000:8.2f}ms {m['seconds'] / m['raw_floor']:9.1f}x {m['bytes'] / 1000:7.0f}kB")


def profile(name: str) -> None:
    plan, _kegiatan = largest()
    client = client_for(plan, "perencana")
    url = cases()[name][0]
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def html(out: Path) -> None:
    """The editor page (with and without the bidang filter) and each section (editor: sasaran, program, kegiatan;
    monev TW II: sasaran, kegiatan) of every plan, as each role sees it, one file each."""
    from django.urls import reverse

    from renaksi.perencanaan.models import Kegiatan, Program, RencanaAksi, Sasaran

    out.mkdir(parents=True, exist_ok=True)
    for plan in RencanaAksi.objects.select_related("perangkat_daerah__pemda").order_by("id"):
        for role in ROLES:
            client = client_for(plan, role)
            if client is None:
                continue
            page = reverse("plan_editor", args=[plan.pk])
            for suffix in ("", "?bidang=semua"):
                response = client.get(page + suffix)
                assert response.status_code == 200, (page, role, response.status_code)
                (out / f"{plan.pk}-{role}-page{suffix and '-semua'}.html").write_bytes(response.content)
            parts = [("sasaran", s.pk) for s in Sasaran.objects.filter(rencana_aksi=plan).order_by("id")]
            parts += [("program", p.pk) for p in Program.objects.filter(rencana_aksi=plan).order_by("id")]
            parts += [("kegiatan", k.pk) for k in Kegiatan.objects.filter(rencana_aksi=plan).order_by("id")]
            for jenis, pk in parts:
                urls = [("editor", reverse("rencana_aksi_bagian", args=[plan.pk, jenis, pk]) + "?bidang=semua")]
                if jenis != "program":
                    urls.append(("monev", reverse("monev_bagian", args=[plan.pk, 2, jenis, pk])))
                for kind, url in urls:
                    response = client.get(url)
                    assert response.status_code == 200, (url, role, response.status_code)
                    (out / f"{plan.pk}-{role}-{kind}-{jenis}-{pk}.html").write_bytes(response.content)
    print(f"written: {out}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", choices=["page", "bagian", "monev", "ra"])
    parser.add_argument("--html", type=Path)
    args = parser.parse_args()
    setup()
    build()
    from django.test import override_settings

    with override_settings(ROOT_URLCONF="bench.urls"):
        if args.profile:
            profile(args.profile)
        elif args.html:
            html(args.html)
        else:
            measure(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
