"""A reporting week on Kota Sintetis, for `make load` (bench/load.py writes RENAKSI_LOAD_PLAN and runs this).

Every virtual user logs in through the login page (CSRF token from the form), then, with 5–15 s between
clicks:
- Perencana (40 %, one per PD): opens the monev form of TW I, reports realisasi indikator (with its evaluasi),
  realisasi anggaran and progres aksi through the monev row endpoints (htmx POST with the page's CSRF token and
  the row version it last saw), now and then opens the plan editor and the PD dashboard;
- Pimpinan (40 %, kepala PD / kepala bidang): the PD dashboard, the monev form, the plan editor (reads);
- Pemda (20 %, evaluator / admin pemda): the Pemda dashboard, a PD dashboard and a monev form of any PD.
Each perencana reports only his own PD's rows, as in a real week: a write refused as a conflict would be a bug.

`--max-requests N` stops the run after N requests (locust's `--run-time` bounds it in time).
The client stands in for the TLS proxy: `X-Forwarded-Proto: https`, an https Referer (Django's CSRF check on
secure requests), and the Secure cookies sent back over loopback.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task

PLAN = json.loads(Path(os.environ["RENAKSI_LOAD_PLAN"]).read_text())
TW = PLAN["triwulan"]
PAGE_TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')
FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSI = re.compile(r'name="versi_baris" value="(\d+)"')
PROGRES = ("selesai", "berjalan", "belum")


@events.init_command_line_parser.add_listener
def _arguments(parser):
    parser.add_argument("--max-requests", type=int, default=0, help="stop after this many requests (0: no limit)")


_count = {"n": 0, "stopping": False}


@events.request.add_listener
def _limit(**_kwargs):
    _count["n"] += 1
    env = _limit.environment
    limit = env.parsed_options.max_requests if env and env.parsed_options else 0
    if limit and _count["n"] >= limit and not _count["stopping"]:
        _count["stopping"] = True
        gevent.spawn(env.runner.quit)


_limit.environment = None


@events.init.add_listener
def _init(environment, **_kwargs):
    _limit.environment = environment


def _secure_cookies_over_loopback(self, cookie, request):
    """Send the Secure session and CSRF cookies back over loopback, as the browser behind the TLS proxy would.
    Patched on the class: requests copies the session's cookie jar (with the default policy) for every request."""
    return True


DefaultCookiePolicy.return_ok_secure = _secure_cookies_over_loopback


def uang(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Pengguna(HttpUser):
    abstract = True
    wait_time = between(5, 15)  # a brisk reporting week: a click every ~10 s while filling the form
    counter = itertools.count()

    def pick(self) -> tuple[dict, str]:
        """(the PD this user works for, his user name)."""
        raise NotImplementedError

    def on_start(self):
        https = self.host.replace("http://", "https://")
        self.client.headers.update({"X-Forwarded-Proto": "https", "Referer": f"{https}/"})
        self.pd, self.username = self.pick()
        self.token = ""
        self.login()

    def login(self):
        page = self.client.get("/masuk/", name="login page")
        match = FORM_TOKEN.search(page.text)
        with self.client.post("/masuk/", name="login", allow_redirects=False, catch_response=True, data={
                "csrfmiddlewaretoken": match.group(1) if match else "", "username": self.username,
                "password": PLAN["password"], "next": "/"}) as r:
            if r.status_code != 302 or "/masuk/" in r.headers.get("Location", ""):
                r.failure(f"login {self.username}: {r.status_code}")

    def page(self, url: str, name: str):
        with self.client.get(url, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}")
            elif "/masuk/" in r.url:
                r.failure("sent to the login page")
            else:
                match = PAGE_TOKEN.search(r.text)
                if match:
                    self.token = match.group(1)
            return r

    def monev(self, pd: dict):
        self.page(f"/rencana-aksi/{pd['plan']}/monev/{TW}/", "monev form")

    def editor(self, pd: dict):
        self.page(f"/rencana-aksi/{pd['plan']}/", "plan editor")

    def dasbor_pd(self, pd: dict):
        self.page(f"/rencana-aksi/{pd['plan']}/dasbor/", "PD dashboard")


class Perencana(Pengguna):
    weight = 40
    counter = itertools.count()

    def pick(self):
        pd = PLAN["pd"][next(Perencana.counter) % len(PLAN["pd"])]
        return pd, pd["users"]["perencana"]

    def on_start(self):
        super().on_start()
        self.monev(self.pd)  # the page the week starts from: its CSRF token for the row saves

    def save(self, url: str, name: str, data: dict, row: dict):
        if not self.token:
            self.monev(self.pd)
        headers = {"HX-Request": "true", "X-CSRFToken": self.token}
        with self.client.post(url, data=data, headers=headers, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:200]}")
                return
            match = VERSI.search(r.text)
            if match:
                row["versi"] = int(match.group(1))

    @task(2)
    def monev_form(self):
        self.monev(self.pd)

    @task(3)
    def realisasi_indikator(self):
        if not self.pd["indikator"]:
            return
        row = random.choice(self.pd["indikator"])
        self.save(f"/monev/indikator/{row['id']}/tw/{TW}/", "save realisasi indikator", {
            "versi_baris": row["versi"], "realisasi": row["realisasi"], "catatan": "",
            "faktor_pendorong": random.choice(("", "Koordinasi lintas bidang berjalan baik")),
            "faktor_penghambat": "", "tindak_lanjut": "", "tindak_lanjut_renja": ""}, row)

    @task(2)
    def realisasi_anggaran(self):
        row = random.choice(self.pd["sub_kegiatan"])
        jumlah = row["pagu"] * random.randint(15, 24) // 100
        self.save(f"/monev/sub-kegiatan/{row['id']}/tw/{TW}/", "save realisasi anggaran",
                  {"versi_baris": row["versi"], "jumlah": uang(jumlah)}, row)

    @task(2)
    def progres_aksi(self):
        aksi = random.choice(self.pd["aksi"])
        data = {f"bulan_{b}": random.choice(PROGRES) for b in range(3 * TW - 2, 3 * TW + 1)}
        self.save(f"/monev/aksi/{aksi}/tw/{TW}/", "save progres aksi", data, {})

    @task(1)
    def plan_editor(self):
        self.editor(self.pd)

    @task(1)
    def pd_dashboard(self):
        self.dasbor_pd(self.pd)


class Pimpinan(Pengguna):
    weight = 40
    counter = itertools.count()

    def pick(self):
        n = next(Pimpinan.counter)
        pd = PLAN["pd"][n % len(PLAN["pd"])]
        return pd, pd["users"]["kepala" if (n // len(PLAN["pd"])) % 2 == 0 else "kabid"]

    @task(3)
    def pd_dashboard(self):
        self.dasbor_pd(self.pd)

    @task(1)
    def monev_form(self):
        self.monev(self.pd)

    @task(1)
    def plan_editor(self):
        self.editor(self.pd)


class Pemda(Pengguna):
    weight = 20
    counter = itertools.count()

    def pick(self):
        users = PLAN["pemda_users"]
        return None, users[next(Pemda.counter) % len(users)]

    @task(3)
    def pemda_dashboard(self):
        self.page("/dasbor/", "Pemda dashboard")

    @task(2)
    def pd_dashboard(self):
        self.dasbor_pd(random.choice(PLAN["pd"]))

    @task(1)
    def monev_form(self):
        self.monev(random.choice(PLAN["pd"]))
