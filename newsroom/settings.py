"""
Settings for Newsroom, read from the environment, grouped by concern: core,
database, cache and Redis, security, e-mail, the newsroom's features, and last
Celery with its whole beat schedule.

Two profiles share this file (DESIGN.md section 3). With no variables set, the
embedded profile runs: SQLite, local-memory cache, eager Celery, DEBUG on. Setting
DATABASE_URL and REDIS_URL selects the production profile: PostgreSQL, Redis,
a real Celery broker, and DEBUG off unless DJANGO_DEBUG says otherwise.

An environment variable is named after the setting it fills: Django's own with
DJANGO_ in front (DJANGO_SECRET_KEY fills SECRET_KEY), the project's and the
apps' as they are (NEWSROOM_PAGE_SIZE, ANALYTICS_FLUSH_SECONDS). A variable
that fills part of a setting says which part (DJANGO_CONN_MAX_AGE, ...).
"""

import datetime
import os
import zoneinfo
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# Time-zone data comes from the pinned tzdata package, never from the operating
# system's copy, which may predate changes such as Almaty's move from UTC+6 to
# UTC+5 in March 2024. Upgrading tzdata in requirements.txt keeps it current.
zoneinfo.reset_tzpath(to=[])


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.")


def env_float(name: str, default: float) -> float:
    value = env_str(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.")


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if not value:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


# Variables renamed to match their settings. An old name still set would be
# ignored without a word, so start-up stops and says what to rename.
RENAMED_VARIABLES = {
    "DJANGO_CACHE_PREFIX": "DJANGO_CACHE_KEY_PREFIX",
    "DJANGO_EMAIL_USER": "DJANGO_EMAIL_HOST_USER",
    "DJANGO_EMAIL_PASSWORD": "DJANGO_EMAIL_HOST_PASSWORD",
    "NEWSROOM_LOGIN_FAILURE_LIMIT": "AXES_FAILURE_LIMIT",
    "NEWSROOM_LOGIN_LOCKOUT_MINUTES": "AXES_COOLOFF_MINUTES",
    "NEWSROOM_VIEWS_KEY_PREFIX": "ANALYTICS_KEY_PREFIX",
    "NEWSROOM_VIEWS_BEACON_DELAY_MS": "ANALYTICS_BEACON_DELAY_MS",
    "NEWSROOM_VIEWS_WINDOW_SECONDS": "ANALYTICS_VIEW_WINDOW_SECONDS",
    "NEWSROOM_VIEWS_RETRY_SECONDS": "ANALYTICS_BEACON_RETRY_SECONDS",
    "NEWSROOM_VIEWS_COUNT_WEBDRIVER": "ANALYTICS_COUNT_WEBDRIVER",
    "NEWSROOM_VIEWS_FLUSH_SECONDS": "ANALYTICS_FLUSH_SECONDS",
    "NEWSROOM_MOST_VIEWED_LIMIT": "ANALYTICS_MOST_VIEWED_LIMIT",
    "NEWSROOM_MOST_VIEWED_WINDOWS": "ANALYTICS_MOST_VIEWED_WINDOWS",
    "NEWSROOM_PAGE_GENERATION_CHECK_SECONDS": "NEWSROOM_PAGE_VERSION_CHECK_SECONDS",
}
if stale := sorted(name for name in RENAMED_VARIABLES if name in os.environ):
    raise ImproperlyConfigured(
        "Renamed environment variables: "
        + ", ".join(f"{name} is now {RENAMED_VARIABLES[name]}" for name in stale)
        + "."
    )


# === Core ========================================================================

# The profile: the production one when a database or a Redis is named.
DATABASE_URL = env_str("DATABASE_URL")
REDIS_URL = env_str("REDIS_URL")
# Redis has two roles that want different servers (README, "Redis"): the page
# cache may evict (allkeys-lru); the view counters and the Celery broker must
# never evict and must persist (noeviction, appendonly everysec). REDIS_URL
# serves both on a small site; each role can be given its own server.
NEWSROOM_CACHE_REDIS_URL = env_str("NEWSROOM_CACHE_REDIS_URL") or REDIS_URL
NEWSROOM_COUNTERS_REDIS_URL = env_str("NEWSROOM_COUNTERS_REDIS_URL") or REDIS_URL
NEWSROOM_BROKER_URL = env_str("NEWSROOM_BROKER_URL") or NEWSROOM_COUNTERS_REDIS_URL
PRODUCTION = bool(
    DATABASE_URL or NEWSROOM_CACHE_REDIS_URL or NEWSROOM_COUNTERS_REDIS_URL
)

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)


def required(name: str, development_default: str) -> str:
    """A value production must set; development gets a safe default."""
    value = env_str(name)
    if value:
        return value
    if DEBUG:
        return development_default
    raise ImproperlyConfigured(
        f"{name} is required when DEBUG is off. Set it in the environment."
    )


SECRET_KEY = required(
    "DJANGO_SECRET_KEY", "development-only-secret-key-not-for-production-use"
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    ["127.0.0.1", "localhost", "testserver"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is required when DEBUG is off "
        "(comma-separated host names)."
    )

INSTALLED_APPS = [
    # Django's admin, with the desk's login (second factor) as its site (newsroom/admin.py).
    "newsroom.apps.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    # The body's rich text editor (ProseMirror, its JavaScript shipped in the wheel).
    "django_prose_editor",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "newsroom.apps.NewsroomConfig",
    "articles",
    "reports",
    "analytics",
    # The demo newsroom's data and seed commands; production may leave it out.
    "demo",
]

MIDDLEWARE = [
    # First, so that it sees every answer: only reader pages may be shared.
    "newsroom.middleware.PrivateByDefaultMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.middleware.RefuseBadInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The view-counting beacon needs none of what follows (analytics/middleware.py).
    "analytics.middleware.HitMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside CommonMiddleware, which then measures the transliterated page.
    "articles.middleware.LatinScriptMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.newsroom",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Languages, time and dates.
LANGUAGE_CODE = "en"
# Each language named in itself, as the language switcher shows it. "kk-latn" is
# the Kazakh edition read in the 2021 Latin alphabet (/kk-latn/...): the same
# stories, transliterated on the way out (articles/editions.py).
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("kk", "Қазақша"),
    ("kk-latn", "Qazaqşa"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True
# The dateline, long dates and digit grouping of each language (newsroom/formats/):
# Django ships no Kazakh formats, and the dateline is d.m.Y, H:i in every language.
FORMAT_MODULE_PATH = ["newsroom.formats"]

# Static files and uploaded media.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded photos larger than this are refused before decoding.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
        }
    },
}


# === Database ====================================================================

if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60)
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("DJANGO_SQLITE_PATH") or BASE_DIR / "db.sqlite3",
            # WAL lets readers go on while a view count is written.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# === Cache and Redis =============================================================
# (The Redis servers' addresses are at the top: they choose the profile.)

CACHE_KEY_PREFIX = env_str("DJANGO_CACHE_KEY_PREFIX", "newsroom")
if NEWSROOM_CACHE_REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, where an unreachable server is a miss.
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": NEWSROOM_CACHE_REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
        }
    }
# After a Redis server fails, it is left alone for this many seconds: readers
# are served from the database or from memory meanwhile (newsroom/outages.py).
NEWSROOM_REDIS_OUTAGE_PAUSE = env_float("NEWSROOM_REDIS_OUTAGE_PAUSE", 5.0)


# === Security =============================================================
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# How many proxies in front of the site append to X-Forwarded-For. With 0, the
# client address is REMOTE_ADDR and the header is ignored, since anyone can send it.
NEWSROOM_TRUSTED_PROXIES = env_int("NEWSROOM_TRUSTED_PROXIES", 0)

# A reader's script gets the CSRF failure as JSON it can show; pages get Django's.
CSRF_FAILURE_VIEW = "reports.views.csrf_failure"

# The Content-Security-Policy, enforced (django-csp). No inline script anywhere:
# pages load scripts from the site's own static files; the one inline block, the
# rich text editor's import map in the admin, carries the request's nonce. Styles
# come from files too. Violations go to an endpoint that logs them.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # The rich text editor (Tiptap, in django-prose-editor 0.28) adds one fixed
        # <style> element of its own; this is that element's hash. An upgrade that
        # changes it fails the browser test (articles/tests/test_csp_browser.py).
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": "/csp-report/",
    },
}
# At most this many violation reports are logged per address per minute.
NEWSROOM_CSP_REPORT_RATE_LIMIT = env_int("NEWSROOM_CSP_REPORT_RATE_LIMIT", 20)

# Browser features no page of the site uses, denied to every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Signing in to the desk.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed admin logins (django-axes): after this many failures for one username, or
# from one address, that username or address is locked out for the cool-off time
# (429). `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS` unlock.
AUTHENTICATION_BACKENDS = [
    "newsroom.admin.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The same client address as everywhere else: REMOTE_ADDR, or X-Forwarded-For
# only through NEWSROOM_TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "newsroom.visitors.client_ip"
# A locked-out editor gets the desk's page, translated, with the minutes to wait.
AXES_LOCKOUT_CALLABLE = "newsroom.admin.lockout_response"
# A second factor (TOTP, django-otp) for Editors (whoever may publish) in the
# admin. On by default with DEBUG off; `manage.py otp_enrol USERNAME` gives an
# editor's authenticator app its key. Anyone enrolled is asked for a code anyway.
NEWSROOM_ADMIN_REQUIRE_2FA = env_bool("NEWSROOM_ADMIN_REQUIRE_2FA", not DEBUG)


# === E-mail ======================================================================

if env_str("DJANGO_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("DJANGO_EMAIL_HOST")
    EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")


# === The newsroom's features =====================================================

# The site.
NEWSROOM_NAME = env_str("NEWSROOM_NAME", "Steppe Wire")
# Empty: the default notice, in the reader's language (Article.reuse_notice).
NEWSROOM_REUSE_NOTICE = env_str("NEWSROOM_REUSE_NOTICE")
# The site's address, for links in e-mail sent from outside a request.
NEWSROOM_SITE_URL = env_str("NEWSROOM_SITE_URL", "http://127.0.0.1:8000")
# The agency's identity, so that another agency can deploy the site as its own:
# static files (paths under STATIC_URL) for the header's logo (SVG), the raster
# logo of its structured data and feeds, and the 1200x630 picture of a shared
# link to a story without a photo; the contacts in every page's footer.
NEWSROOM_LOGO = env_str("NEWSROOM_LOGO", "img/logo.svg")
NEWSROOM_LOGO_RASTER = env_str("NEWSROOM_LOGO_RASTER", "img/icon-512.png")
NEWSROOM_SOCIAL_IMAGE = env_str("NEWSROOM_SOCIAL_IMAGE", "img/social.png")
NEWSROOM_CONTACT_EMAIL = env_str("NEWSROOM_CONTACT_EMAIL", "desk@steppewire.example")
NEWSROOM_CONTACT_PHONE = env_str("NEWSROOM_CONTACT_PHONE")
NEWSROOM_CONTACT_ADDRESS = env_str("NEWSROOM_CONTACT_ADDRESS")
# Feeds carry the lead as each story's summary; on, also its full (sanitized) text.
NEWSROOM_FEED_FULL_TEXT = env_bool("NEWSROOM_FEED_FULL_TEXT", False)
NEWSROOM_FEED_ITEMS = env_int("NEWSROOM_FEED_ITEMS", 30)
OTP_TOTP_ISSUER = NEWSROOM_NAME

# The editions: one whole site per language, under /<language>/ (issue 11). A
# story is written in one of these; each must be in LANGUAGES.
NEWSROOM_EDITIONS = ["kk", "ru", "en"]
# Where "/" sends a reader with no saved choice and no language we publish in
# among their browser's languages.
NEWSROOM_DEFAULT_EDITION = env_str("NEWSROOM_DEFAULT_EDITION", "ru")

# Reader pages (articles).
NEWSROOM_PAGE_SIZE = env_int("NEWSROOM_PAGE_SIZE", 12)
# Reader pages are cached whole for at most this long; a change refreshes only the
# pages that show the changed story (articles/cache.py).
NEWSROOM_PAGE_CACHE_SECONDS = env_int(
    "NEWSROOM_PAGE_CACHE_SECONDS", 0 if DEBUG else 300
)
# A stale page is kept this much longer, to serve while one request renders it
# again (stale while revalidate, one render at a time).
NEWSROOM_PAGE_STALE_SECONDS = env_int("NEWSROOM_PAGE_STALE_SECONDS", 600)
# Each web process also keeps its last pages in memory and asks the shared cache
# whether any key changed at most this often (seconds), so a warm page needs no
# network round trip; a change reaches every process within this time.
NEWSROOM_PAGE_VERSION_CHECK_SECONDS = env_float(
    "NEWSROOM_PAGE_VERSION_CHECK_SECONDS", 0.5
)
NEWSROOM_PAGE_LOCAL_ENTRIES = env_int("NEWSROOM_PAGE_LOCAL_ENTRIES", 500)

# The HTTP cache in front (a CDN, Varnish: deploy/varnish/default.vcl). Reader
# pages may be kept by browsers for NEWSROOM_HTTP_MAX_AGE seconds and by shared
# caches for NEWSROOM_HTTP_S_MAXAGE, which are purged by key when a story changes
# (articles/edge.py); either may serve a stale copy while it fetches a fresh one
# or while the site fails.
NEWSROOM_HTTP_MAX_AGE = env_int("NEWSROOM_HTTP_MAX_AGE", 60)
NEWSROOM_HTTP_S_MAXAGE = env_int("NEWSROOM_HTTP_S_MAXAGE", 1800)
NEWSROOM_HTTP_STALE_WHILE_REVALIDATE = env_int(
    "NEWSROOM_HTTP_STALE_WHILE_REVALIDATE", 60
)
NEWSROOM_HTTP_STALE_IF_ERROR = env_int("NEWSROOM_HTTP_STALE_IF_ERROR", 86400)
# Where a change's keys are purged: the HTTP caches' addresses that take a PURGE
# with an xkey-purge header, comma-separated. None: nothing to purge.
NEWSROOM_HTTP_CACHE_PURGE_URLS = env_list("NEWSROOM_HTTP_CACHE_PURGE_URLS")

# The desk (articles: roles, scheduling, revisions, photos).
# Editors get every permission of these apps (articles/roles.py).
NEWSROOM_EDITOR_APPS = ["articles", "reports", "taggit"]
# How long a shared preview link opens its story.
NEWSROOM_PREVIEW_MAX_AGE = env_int("NEWSROOM_PREVIEW_MAX_AGE", 3 * 24 * 3600)
# Uploaded photos: larger files or more pixels are refused before decoding.
NEWSROOM_PHOTO_MAX_BYTES = env_int("NEWSROOM_PHOTO_MAX_BYTES", 20_000_000)
NEWSROOM_PHOTO_MAX_PIXELS = env_int("NEWSROOM_PHOTO_MAX_PIXELS", 50_000_000)

# Readers' error reports (reports).
# Who hears about readers' error reports when the story's section names no editors.
NEWSROOM_ERROR_REPORT_RECIPIENTS = env_list("NEWSROOM_ERROR_REPORT_RECIPIENTS")
# At most this many reports per visitor in this many seconds, and this many per
# network address (IPv4 address, IPv6 /64, so a new user agent buys nothing);
# then 429.
NEWSROOM_ERROR_REPORT_RATE_LIMIT = env_int("NEWSROOM_ERROR_REPORT_RATE_LIMIT", 5)
NEWSROOM_ERROR_REPORT_RATE_LIMIT_PER_ADDRESS = env_int(
    "NEWSROOM_ERROR_REPORT_RATE_LIMIT_PER_ADDRESS", 20
)
NEWSROOM_ERROR_REPORT_RATE_WINDOW = env_int("NEWSROOM_ERROR_REPORT_RATE_WINDOW", 600)
# At most one e-mail to the desk per story in this many seconds.
NEWSROOM_ERROR_REPORT_NOTIFY_INTERVAL = env_int(
    "NEWSROOM_ERROR_REPORT_NOTIFY_INTERVAL", 600
)

# View counts and "Most viewed" (analytics).
# Where counted views go first: Redis when there is a counter Redis (no SQL when a
# view is counted; Celery beat flushes the views to the database), else the database.
ANALYTICS_STORE = "redis" if NEWSROOM_COUNTERS_REDIS_URL else "database"
ANALYTICS_REDIS_URL = NEWSROOM_COUNTERS_REDIS_URL
ANALYTICS_KEY_PREFIX = env_str("ANALYTICS_KEY_PREFIX", "views")
# How long a story has been visible before its view counts (milliseconds).
ANALYTICS_BEACON_DELAY_MS = env_int("ANALYTICS_BEACON_DELAY_MS", 2000)
# One view per reader per story in this many seconds.
ANALYTICS_VIEW_WINDOW_SECONDS = env_int("ANALYTICS_VIEW_WINDOW_SECONDS", 30 * 60)
# A beacon refused (503) or lost on the network is sent again after this many
# seconds, then twice as many, and so on, within the window above.
ANALYTICS_BEACON_RETRY_SECONDS = env_float("ANALYTICS_BEACON_RETRY_SECONDS", 2.0)
# Browsers driven by automation (navigator.webdriver) are not readers; tests allow them.
ANALYTICS_COUNT_WEBDRIVER = env_bool("ANALYTICS_COUNT_WEBDRIVER", False)
# How often Celery beat moves pending views from Redis to the database (seconds).
ANALYTICS_FLUSH_SECONDS = env_int("ANALYTICS_FLUSH_SECONDS", 30)
# "Most viewed": how many stories, over which windows (the first is shown first),
# and how long a ranking is reused before it is computed again (seconds).
ANALYTICS_MOST_VIEWED_LIMIT = env_int("ANALYTICS_MOST_VIEWED_LIMIT", 5)
ANALYTICS_MOST_VIEWED_WINDOWS = env_list(
    "ANALYTICS_MOST_VIEWED_WINDOWS", ["24h", "7d", "30d"]
)
ANALYTICS_MOST_VIEWED_SECONDS = 60


# === Celery and its beat schedule ================================================

CELERY_BROKER_URL = NEWSROOM_BROKER_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not NEWSROOM_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# Every periodic task, here and nowhere else; `make worker` runs beat.
CELERY_BEAT_SCHEDULE = {
    # A scheduled story's own task (queued with an ETA at its publish time)
    # refreshes the caches when it goes live; this sweep catches any task that was
    # lost. On the Redis broker a task due more than an hour ahead (the visibility
    # timeout) may be delivered again; the task only checks and refreshes, so
    # running twice is harmless.
    "articles-scheduled-sweep": {
        "task": "articles.tasks.scheduled_sweep",
        "schedule": 60.0,
    },
    # What readers reported during each story's quiet interval, once it is over.
    "error-reports-notify-desk": {
        "task": "reports.tasks.notify_desk_pending",
        "schedule": 60.0,
    },
    "analytics-flush-views": {
        "task": "analytics.tasks.flush_views",
        "schedule": ANALYTICS_FLUSH_SECONDS,
        # A flush queued while no worker ran is stale by the next one.
        "options": {"expires": ANALYTICS_FLUSH_SECONDS},
    },
}
