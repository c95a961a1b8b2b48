from .base import *  # noqa: F403
from .base import DATA_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
DATA_DIR.mkdir(parents=True, exist_ok=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
