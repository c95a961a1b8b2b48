"""The production settings pass Django's deployment checks and refuse to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(tmp_path, *args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod", RENAKSI_DATA_DIR=str(tmp_path),
        ALLOWED_HOSTS="renaksi.example.go.id", CSRF_TRUSTED_ORIGINS="https://renaksi.example.go.id",
        PYTHONPATH=str(ROOT), **env,
    )
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


def test_check_deploy_is_clean_with_the_production_settings(tmp_path):
    secret = "k3Jx9-prod-uji-" + "Zq8w" * 12
    result = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secret)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_are_secure(tmp_path):
    code = ("from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, "
            "s.SESSION_EXPIRE_AT_BROWSER_CLOSE)")
    result = _manage(tmp_path, "shell", "--no-imports", "-c", code, SECRET_KEY="x" * 60)
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "('HTTP_X_FORWARDED_PROTO',",
                                     "'https')", "True"], result.stderr
    without_proxy = _manage(tmp_path, "shell", "--no-imports", "-c", "from django.conf import settings as s; "
                            "print(s.SECURE_PROXY_SSL_HEADER)", SECRET_KEY="x" * 60, SECURE_PROXY_SSL_HEADER="")
    assert without_proxy.stdout.strip() == "None", without_proxy.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _manage(tmp_path, "check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY harus diisi" in result.stderr
