"""Production: PostgreSQL through DATABASE_URL, a real SECRET_KEY, HTTPS in front."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEFAULT_STORAGE, SECRET_KEY

DEBUG = False
# App servers keep their database connection between requests (one per gunicorn thread) and check it before
# reusing it: `make load` measured the difference (docs/performance.md, "Load test").
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
if SECRET_KEY.startswith("dev-only") or not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY harus diisi lewat variabel lingkungan di produksi.")
STORAGES = {
    "default": DEFAULT_STORAGE,  # local disk, or the S3 bucket (base.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from the page (hx-headers), never from the cookie
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# The header by which the HTTPS reverse proxy says the original request was HTTPS. Only safe when the proxy always
# sets (or strips) it; set SECURE_PROXY_SSL_HEADER= (empty) when Renaksi is reached without such a proxy.
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https") if _proxy_header else None
)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
