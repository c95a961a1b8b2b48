"""Stateless app servers (decision 0009): sessions, cache and uploads are shared by every server process.

The settings switches are read from settings modules built with environment variables in a subprocess; the
sharing itself with real processes on the test database: a login on one server is a login on the other, and a
value cached by one process is read by another.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import make_world

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k3Jx9-prod-uji-" + "Zq8w" * 12
SHOW = ("import json; from django.conf import settings as s; from django.core.files.storage import storages;"
        " from django.core.cache import caches; d = storages['default']; print(json.dumps({'cache': "
        "s.CACHES['default'], 'session': s.SESSION_ENGINE, 'storage': type(d).__name__, 'axes': "
        "s.AXES_HANDLER, 'cache_class': type(caches['default']).__name__, 'url': d.url('bukti/x.pdf')}))")
CLEAN_ENV = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "RENAKSI_S3_BUCKET",
             "AWS_S3_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "RENAKSI_S3_PREFIX"}


def _env(tmp_path, settings: str, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    env.update(DJANGO_SETTINGS_MODULE=settings, RENAKSI_DATA_DIR=str(tmp_path), SECRET_KEY=SECRET,
               ALLOWED_HOSTS="127.0.0.1", PYTHONPATH=str(ROOT), **extra)
    return env


def _settings(tmp_path, settings: str = "config.settings.prod", **extra) -> dict:
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW], cwd=ROOT,
                            env=_env(tmp_path, settings, **extra), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("settings", ["config.settings.prod", "config.settings.dev"])
def test_by_default_sessions_and_cache_are_in_the_database_and_files_on_local_disk(tmp_path, settings):
    s = _settings(tmp_path, settings)
    assert s["cache"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert s["cache"]["LOCATION"] == "renaksi_cache"
    assert s["session"] == "django.contrib.sessions.backends.db"
    assert s["axes"] == "axes.handlers.database.AxesDatabaseHandler"  # lockouts counted for every server
    assert s["storage"] == "FileSystemStorage"


def test_redis_url_moves_the_cache_to_redis_and_sessions_to_cached_db(tmp_path):
    s = _settings(tmp_path, REDIS_URL="redis://127.0.0.1:6379/3")
    assert s["cache"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert s["cache"]["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert s["cache_class"] == "RedisCache"
    # A session survives a Redis restart: cached_db writes it to the database as well.
    assert s["session"] == "django.contrib.sessions.backends.cached_db"


def test_an_s3_bucket_takes_the_uploads_with_private_signed_urls(tmp_path):
    s = _settings(tmp_path, RENAKSI_S3_BUCKET="renaksi-bukti", AWS_S3_ENDPOINT_URL="https://s3.example.go.id",
                  AWS_ACCESS_KEY_ID="AKIAUJI", AWS_SECRET_ACCESS_KEY="rahasia-uji", RENAKSI_S3_PREFIX="kota")
    assert s["storage"] == "S3Storage"
    url = urllib.parse.urlsplit(s["url"])
    assert url.netloc == "s3.example.go.id"
    assert url.path == "/renaksi-bukti/kota/bukti/x.pdf"
    query = urllib.parse.parse_qs(url.query)
    assert "X-Amz-Signature" in query or "Signature" in query  # never a public URL


def test_production_static_files_collect(tmp_path):
    """The hashed static files of the production settings can be built (every file a vendored script or style
    refers to exists), so the app servers start with the same files."""
    result = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT,
                            env=_env(tmp_path, "config.settings.prod"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = json.loads((tmp_path / "staticfiles" / "staticfiles.json").read_text())
    assert "vendor/chartjs/chart.umd.min.js" in manifest["paths"]


# --- two processes, one database ------------------------------------------------------------------------------


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server(tmp_path, port: int) -> subprocess.Popen:
    env = _env(tmp_path, "config.settings.test", DATABASE_URL=_database_url())
    return subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                             "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _wait(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"server on {port} did not start")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _request(port: int, path: str, cookies: SimpleCookie, data: dict | None = None):
    headers = {"Cookie": "; ".join(f"{k}={m.value}" for k, m in cookies.items())}
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers)
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=30)
    except urllib.error.HTTPError as exc:
        response = exc
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    return response.status, response.headers, response.read().decode()


@pytest.mark.django_db(transaction=True)
def test_a_login_on_one_server_is_a_login_on_the_other(tmp_path):
    world = make_world()
    world.alice.set_password("sandi-uji-2024")
    world.alice.save()
    ports = [_free_port(), _free_port()]
    servers = [_server(tmp_path, port) for port in ports]
    try:
        for port in ports:
            _wait(port)
        cookies = SimpleCookie()
        status, _h, page = _request(ports[0], "/masuk/", cookies)
        assert status == 200
        token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        status, headers, _ = _request(ports[0], "/masuk/", cookies, {
            "csrfmiddlewaretoken": token, "username": world.alice.username, "password": "sandi-uji-2024"})
        assert status == 302 and "/masuk/" not in headers["Location"]

        status, _h, page = _request(ports[1], "/", cookies)  # the other server knows the session
        assert status == 200
        assert world.alice.username in page or world.alice.get_full_name() in page

        status, headers, _ = _request(ports[1], "/", SimpleCookie())  # and without it: the login page
        assert status == 302 and "/masuk/" in headers["Location"]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


@pytest.mark.django_db(transaction=True)
def test_a_value_cached_by_one_process_is_read_by_another(tmp_path):
    env = _env(tmp_path, "config.settings.test", DATABASE_URL=_database_url())

    def shell(code: str) -> str:
        result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    shell("from django.core.cache import cache; cache.set('renaksi-uji', 'dibagi', 60)")
    assert shell("from django.core.cache import cache; print(cache.get('renaksi-uji'))") == "dibagi"
