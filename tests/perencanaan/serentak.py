"""Two kepala bidang save their own aksi at the same moment, in a process of its own (run by
test_concurrent_save.py): `python -m tests.perencanaan.serentak '{"rounds": 20, "pairs": [[user_id, aksi_id], ...]}'`.

Its own process because the test database of an SQLite run lives in memory, shared between connections in a way a
real server never shares a database file: here the database is the file DATABASE_URL names, opened with the
settings a deployment uses. Prints one JSON object: the journal mode, the busy timeout and every response.
"""

from __future__ import annotations

import json
import sys
import threading


def main(spec: dict) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from renaksi.accounts.models import User
    from renaksi.perencanaan.models import Aksi

    setup_test_environment()  # the test client's host, 'testserver', is allowed
    pairs = [(User.objects.get(pk=u), Aksi.objects.get(pk=a)) for u, a in spec["pairs"]]
    clients = []
    for user, _aksi in pairs:
        client = Client(raise_request_exception=False, HTTP_HX_REQUEST="true")
        client.force_login(user)
        clients.append(client)
    pragmas = {}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            pragmas = {name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
                       for name in ("journal_mode", "busy_timeout")}
    connection.close()

    def save(i: int, round_: int, barrier: threading.Barrier, out: dict) -> None:
        user, aksi = pairs[i]
        uraian = f"Aksi {user.username} putaran {round_}"
        data = {"nomor": "1", "uraian": uraian, "bulan": ["1", str(round_ % 12 + 1)], "keluaran": "Laporan",
                "target": f"{round_ + 1} laporan", "pagu": "", "penanggung_jawab": "Kepala Bidang", "pejabat": ""}
        barrier.wait()
        response = clients[i].post(reverse("aksi_edit", args=[aksi.pk]), data)
        stored = Aksi.objects.get(pk=aksi.pk).uraian == uraian
        connection.close()
        out[i] = {"round": round_, "user": user.username, "status": response.status_code, "stored": stored,
                  "body": response.content.decode()[:2000]}

    responses = []
    for round_ in range(spec["rounds"]):
        barrier = threading.Barrier(len(pairs))
        out: dict[int, dict] = {}
        threads = [threading.Thread(target=save, args=(i, round_, barrier, out)) for i in range(len(pairs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        responses.extend(out[i] for i in sorted(out))
    return {"vendor": connection.vendor, **pragmas, "responses": responses}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
