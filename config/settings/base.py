"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("RENAKSI_DATA_DIR", BASE_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "renaksi.core",
    "renaksi.accounts",
    "renaksi.organisasi",
    "renaksi.pekerjaan",
    "renaksi.perencanaan",
    "renaksi.monev",
    "renaksi.impor",
    "renaksi.pemeriksaan",
    "renaksi.alur",
    "renaksi.sintetis",
    "renaksi.laporan",
    "renaksi.dasbor",
    "renaksi.riwayat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are gzipped here (static files come compressed from WhiteNoise above, which answers before this);
    # before every middleware that reads or changes the body. BREACH: docs/deploy.md, "Compression".
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "renaksi.core.middleware.DatabaseBusyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "renaksi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "renaksi.perencanaan.context_processors.navigasi",
                "renaksi.riwayat.context_processors.catatan",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'renaksi.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite serving several users at once: WAL lets readers go on while one request writes; IMMEDIATE takes the
    # write lock when a transaction starts, so two saves queue up (for at most the busy timeout, in seconds)
    # instead of one failing with "database is locked" halfway through. What still times out is answered
    # "sedang sibuk, coba lagi" (renaksi.core.middleware), never a 500.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("RENAKSI_SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before any password is checked
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after RENAKSI_LOGIN_FAILURE_LIMIT wrong passwords for one username from one
# address, that username cannot log in from there, not even with the right password, for
# RENAKSI_LOGIN_COOLOFF_MINUTES. Counted per username and address together: the staff of one office share an
# address, and nobody elsewhere can lock a person out of his account. A successful login resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("RENAKSI_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("RENAKSI_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
# Sessions end after a working day, and when the browser is closed.
SESSION_COOKIE_AGE = int(os.environ.get("RENAKSI_SESSION_HOURS", "8")) * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "renaksi" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
# Numbers are formatted explicitly (renaksi.core.angka + template filters); never implicitly by locale,
# so that ids and URLs can never pick up a thousand separator.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "renaksi" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "media/"

# --- Stateless app servers (docs/deploy.md, docs/decisions/0009-stateless-servers.md) ---------------------------
# Nothing a later request needs stays in one server process, so any number of app servers can answer any request:
# sessions and the cache live in the database (the cache table `renaksi_cache` is created by `renaksi migrate`) or
# in Redis when REDIS_URL is set; uploads in the default storage — MEDIA_ROOT on local disk, or an S3-compatible
# bucket when RENAKSI_S3_BUCKET is set; login throttling (django-axes) counts failures in the database.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": "renaksi"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # read from Redis, kept in the database too
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "renaksi_cache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

# Object storage (django-storages, boto3): the bucket, optionally a non-AWS endpoint (MinIO, Ceph, a cloud's S3
# service) and a key prefix. The keys come from the standard variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
# (or the machine's role). Files are private: downloads go through Renaksi (bukti dukung) or signed URLs.
S3_BUCKET = os.environ.get("RENAKSI_S3_BUCKET", "").strip()
if S3_BUCKET:
    DEFAULT_STORAGE = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "location": os.environ.get("RENAKSI_S3_PREFIX", ""),
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }}
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Monitoring: the largest bukti dukung file accepted (bytes), and the forecast capaian (%) below which an
# indikator is flagged "berisiko".
RENAKSI_BUKTI_MAX_BYTES = int(os.environ.get("RENAKSI_BUKTI_MAX_BYTES", 10 * 1024 * 1024))
RENAKSI_AMBANG_BERISIKO = Decimal(os.environ.get("RENAKSI_AMBANG_BERISIKO", "90"))  # a bad value fails at startup
# The address people open Renaksi at: links in e-mails (workflow notifications) are built from it.
RENAKSI_SITE_URL = os.environ.get("RENAKSI_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "renaksi@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in ("1", "true", "yes")

# Content Security Policy (django-csp): no inline script or style anywhere, everything from our own origin.
# Scripts live in renaksi/static/renaksi/*.js, styles in *.css; htmx is configured by <meta name="htmx-config">.
# Bootstrap's CSS uses data: SVG images (select arrows, the navbar toggler).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Imports: the largest document accepted, in bytes.
RENAKSI_IMPORT_MAX_BYTES = int(os.environ.get("RENAKSI_IMPORT_MAX_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs (renaksi.pekerjaan, decision 0008): Django's tasks API (the django-tasks backport). By default the
# queue is a table in Renaksi's own database and `renaksi db_worker` runs the jobs (no other server); with REDIS_URL
# set the queue is Redis through RQ and `renaksi rqworker --job-class django_tasks_rq.Job default` runs them.
if REDIS_URL:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A plan with at least this many aksi is exported as PDF or DOCX by a background job instead of in the request.
RENAKSI_EKSPOR_LATAR_AKSI = int(os.environ.get("RENAKSI_EKSPOR_LATAR_AKSI", "300"))
RENAKSI_EKSPOR_LATAR_FORMAT = ("pdf", "docx")
# A PDF upload of at least this many pages is read by a background job (`impor.baca`) instead of in the request.
RENAKSI_IMPOR_LATAR_HALAMAN = int(os.environ.get("RENAKSI_IMPOR_LATAR_HALAMAN", "20"))
# A running job writes its heartbeat at most this often; one silent for RENAKSI_PEKERJAAN_MACET_MENIT is queued again
# once, then marked failed, by `renaksi bersihkan_pekerjaan` (its worker died). The sweep also fails a job queued for
# more than RENAKSI_PEKERJAAN_ANTRI_MENIT while no worker showed life, and deletes the result files of jobs that
# ended more than RENAKSI_PEKERJAAN_SIMPAN_HARI days ago.
RENAKSI_PEKERJAAN_DETAK_DETIK = int(os.environ.get("RENAKSI_PEKERJAAN_DETAK_DETIK", "30"))
RENAKSI_PEKERJAAN_MACET_MENIT = int(os.environ.get("RENAKSI_PEKERJAAN_MACET_MENIT", "5"))
RENAKSI_PEKERJAAN_ANTRI_MENIT = int(os.environ.get("RENAKSI_PEKERJAAN_ANTRI_MENIT", "30"))
RENAKSI_PEKERJAAN_SIMPAN_HARI = int(os.environ.get("RENAKSI_PEKERJAAN_SIMPAN_HARI", "7"))
# Ready copies of documents (the document cache, decision 0017) not made or downloaded for this many days are
# deleted by the same sweep.
RENAKSI_SALINAN_SIMPAN_HARI = int(os.environ.get("RENAKSI_SALINAN_SIMPAN_HARI", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
