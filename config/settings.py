"""Settings for Berufsbild, read from the environment.

SQLite is the embedded default; ``DATABASE_URL`` switches to PostgreSQL.
See README.md for every variable.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)
# The fallback key is public: management commands and the development server may
# use it, but the app servers (config/wsgi.py, config/asgi.py) refuse to start on
# it with DEBUG off, and `check --deploy` flags it.
DEVELOPMENT_SECRET_KEY = "django-insecure-berufsbild-local-development-only"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "markdownx",
    "reversion",
    "axes",
    "core",
    "roles",
    "comparisons",
    "hiring",
    "pages",
    "taxonomies",
    "discussions",
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the header too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the door, so that its refusals (and every other early answer) carry
    # the site's headers too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # The door: NUL, lone surrogates and non-UTF-8 bytes anywhere in a request get
    # a 400 here, before any view, form, session or query sees them.
    "config.storable_text.StorableTextMiddleware",
    "config.faults.DatabaseFaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,  # reconnect after the server restarted
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers beside a writer (WAL); writers queue for the lock at BEGIN instead of
    # failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not shared-cache memory, so threads in tests lock as servers do.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
# Rendered fragments, exports and rate counters. Local memory by default (one app
# server); REDIS_URL gives several app servers one shared cache (config/cache.py
# keeps serving, uncached, while Redis is away). DJANGO_CACHE=off renders every
# request afresh (to measure the cold cost, or to rule the cache out).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("DJANGO_CACHE_PREFIX", "berufsbild"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        if env_str("DJANGO_CACHE", "on") == "off"
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "berufsbild",
            "OPTIONS": {"MAX_ENTRIES": 2_000},
        }
    )
}

# Exports under load (core/render_limits.py).
PDF_RENDERS_PER_PROCESS = env_int("DJANGO_PDF_RENDERS_PER_PROCESS", 1)
EXPORT_RENDERS_PER_MINUTE = env_int("DJANGO_EXPORT_RENDERS_PER_MINUTE", 30)
# Job-ad checks per client and minute on the page (the API has API_CHECK_RATE).
CHECK_PAGE_PER_MINUTE = env_int("DJANGO_CHECK_PAGE_PER_MINUTE", 30)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "pages:home"

# Five failed logins per user name and client lock that pair for 30 minutes: an
# attacker locks only their own address out, never the account for everybody. The
# client is the one core.clients finds (behind a proxy: from X-Forwarded-For).
AXES_CLIENT_IP_CALLABLE = "core.clients.client_ip"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Hashed, compressed static files need `collectstatic`; switch on in production.
_STATIC_BACKEND = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if env_bool("DJANGO_STATIC_MANIFEST", default=False)
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _STATIC_BACKEND},
}
WHITENOISE_USE_FINDERS = not env_bool("DJANGO_STATIC_MANIFEST", default=False)

# Markdown: one sanitising function for previews, stored HTML and PDFs.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "core.markdown.render_markdown"
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png"]
MARKDOWNX_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
MARKDOWNX_MEDIA_PATH = "uploads/"
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024

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
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Features the site never uses, switched off for its pages and anything they
# might embed (django-permissions-policy). The clipboard stays: the API docs copy.
# Only features Chromium knows: others fill every visitor's console with warnings.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=False)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# In the site's layout and language, under the CSP, without Django's DEBUG hint.
CSRF_FAILURE_VIEW = "config.csrf.csrf_failure"
# The language cookie as the session cookie; no script reads it.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = SESSION_COOKIE_SAMESITE
LANGUAGE_COOKIE_HTTPONLY = True
# Production behind an HTTPS proxy: see "Betrieb" in the README.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    # Only behind a proxy that sets this header itself; otherwise clients could.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0)
"""How many proxies in front append to X-Forwarded-For; the client is the entry
that many places from the right (core/clients.py). 0: the header is ignored."""
if TRUSTED_PROXY_COUNT < 0:
    raise ValueError("DJANGO_TRUSTED_PROXY_COUNT must be 0 or more")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint reports every CSS property it skips (SVG fills) per PDF.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- discussions and notices ------------------------------------------------------
DISCUSSION_COMMENTS_PER_MINUTE = env_int("DJANGO_COMMENTS_PER_MINUTE", default=5)
NOTICE_MAIL = env_bool("DJANGO_NOTICE_MAIL", default=True)
"""Notices also go by mail to the account's address (when it has one)."""
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
"""The console by default: mails are printed, nothing is sent. For real mail set
DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_*."""
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_EMAIL_FROM", "berufsbild@localhost")
SITE_URL = env_str("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
"""The address links in mails point to."""

CATALOGUE_STAMP_MODELS = ["reversion.Revision", "taxonomies.TaxonomyImport"]
"""Every change a page can show adds a row to one of these: a wiki edit a revision,
an import an import record. Their newest ids make the cache stamp (core.caching)."""

# --- the public read API (api/) -----------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser"],
    # Read-only for everyone; no session auth, so no CSRF questions for tools.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.errors.json_errors",
    "DEFAULT_VERSIONING_CLASS": None,
}
API_RATE = env_str("DJANGO_API_RATE", "120/minute")
"""Requests per client (address) and period; past it a 429 with Retry-After."""
API_CHECK_RATE = env_str("DJANGO_API_CHECK_RATE", "20/minute")
"""Job-ad checks per client: each one reads the whole text."""
SPECTACULAR_SETTINGS = {
    "TITLE": "Berufsbild API",
    "DESCRIPTION": (
        "Read-only access to roles, tasks, competencies, comparisons, revisions, "
        "imported classifications (ESCO, O*NET) and the job-ad check."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Django's path converters, as patterns: what the URL accepts at all.
    "PATH_CONVERTER_OVERRIDES": {
        "slug": {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"},
        "int": {"type": "integer", "minimum": 0},
    },
    "ENUM_NAME_OVERRIDES": {
        "ClassificationSchemeEnum": ["esco", "isco", "onet", "kldb"],
        "ConceptSchemeEnum": ["esco", "isco", "onet"],
    },
}
