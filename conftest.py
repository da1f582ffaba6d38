"""
The one set of shared fixtures: a throwaway media folder, a clean cache, plain
HTTP in tests; sections, stories, photos and the desk's people; real services
(Redis, Chromium) or a clear skip.
"""

import os
import time

import pytest


@pytest.fixture(autouse=True, scope="session")
def _plain_http():
    """The production profile redirects to HTTPS; the test client and live server speak HTTP.

    Session-wide and first, because the live server builds its middleware once.
    """
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    The test database is built from the models (--no-migrations); what the search
    migration adds beyond them (SQLite's FTS5 table, PostgreSQL's trigram index)
    is added here by the same function.
    """
    from articles.search import search_install

    with django_db_blocker.unblock():
        search_install()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pages are not cached between requests of a test; the page-cache tests turn it on.
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    # Counted views go under keys of their own in Redis.
    settings.ANALYTICS_KEY_PREFIX = "test-views"
    # Tests sign editors in with force_login; newsroom/tests/test_admin_security.py
    # turns the second factor on and proves it is enforced.
    settings.NEWSROOM_ADMIN_REQUIRE_2FA = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True)
def _default_language():
    """
    Each test starts in the default language. A request through the test client
    leaves its edition's language active in the thread (LocaleMiddleware), and
    code outside a request reads its edition from the active language.
    """
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(scope="session", autouse=True)
def _plain_http_for_the_live_server():
    """
    The live server builds its middleware once, when it starts, before the per-test
    settings above apply; without this, the production profile would redirect the
    browser tests to HTTPS.
    """
    from django.test.utils import override_settings

    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from articles.cache import reader_cache_forget_local
    from newsroom.visitors import forget_salt_memo

    cache.clear()
    forget_salt_memo()
    reader_cache_forget_local()
    yield
    cache.clear()
    forget_salt_memo()
    reader_cache_forget_local()


@pytest.fixture
def wait_for():
    """
    Wait until `condition()` holds, polling, for what only real time moves: a
    Redis TTL, a monotonic-clock interval, a worker. Anything that reads the
    wall clock in this process is moved with time-machine instead, without waiting.
    """

    def wait(condition, *, timeout: float = 5.0, interval: float = 0.02) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            time.sleep(interval)
        return True

    return wait


def pytest_report_header(config):
    profile = (
        "production (PostgreSQL, Redis)"
        if os.environ.get("DATABASE_URL")
        else "embedded (SQLite, no Redis)"
    )
    return f"newsroom profile: {profile}"


def _missing(what: str, variable: str):
    """Skip for want of a service, unless this run promised to have it."""
    if os.environ.get(variable) == "1":
        pytest.fail(
            f"{what} is required in this run ({variable}=1) but is not available."
        )
    pytest.skip(f"{what} is not available here; CI's production run covers this test.")


@pytest.fixture(params=["database", "redis"])
def store_kind(request, settings):
    """Run the test once per view counter store: the contract both must keep."""
    settings.ANALYTICS_STORE = request.param
    if request.param == "redis":
        settings.ANALYTICS_REDIS_URL = request.getfixturevalue("redis_url")
    return request.param


@pytest.fixture
def store(store_kind):
    from analytics.stores import get_store

    return get_store()


@pytest.fixture
def redis_store(settings, redis_url):
    """The Redis store alone (flushes, TTLs, crashes, rebuilds)."""
    from analytics.stores import get_store

    settings.ANALYTICS_STORE = "redis"
    settings.ANALYTICS_REDIS_URL = redis_url
    return get_store()


@pytest.fixture
def redis_url(settings):
    """The Redis server of the production profile; tests using it never mock it."""
    if not settings.REDIS_URL:
        _missing("Redis (REDIS_URL)", "NEWSROOM_REQUIRE_SERVICES")
    return settings.REDIS_URL


@pytest.fixture(scope="session")
def chromium_path():
    import shutil

    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        _missing("Debian's chromium", "NEWSROOM_REQUIRE_BROWSER")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """A real headless Chromium (Debian's package) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the
    # tests make next to it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# --- The newsroom's things and people ----------------------------------------------


@pytest.fixture
def section(db):
    from articles.tests.factories import SectionFactory

    return SectionFactory(name="Politics", slug="politics")


@pytest.fixture
def economy(db):
    """A second section, for what is per section."""
    from articles.tests.factories import SectionFactory

    return SectionFactory(name="Economy", slug="economy")


@pytest.fixture
def article(section):
    from articles.tests.factories import ArticleFactory

    return ArticleFactory(section=section, headline="Ministers meet in Almaty")


@pytest.fixture
def make_article(db):
    from articles.tests.factories import ArticleFactory

    return ArticleFactory


@pytest.fixture
def make_image(db):
    from articles.tests.factories import ArticleImageFactory

    return ArticleImageFactory


@pytest.fixture
def make_source(db):
    from articles.tests.factories import SourceFactory

    return SourceFactory


@pytest.fixture
def celery_eager():
    """The project's real Celery app, running tasks in-process (both profiles)."""
    from newsroom.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture
def roles(db):
    """The Reporter and Editor groups, as the data migration makes them."""
    from articles.roles import roles_sync

    roles_sync()


def _staff(django_user_model, username, role):
    from articles.roles import user_add_to_role

    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "pw-for-tests-only"
    )
    user_add_to_role(user=user, role=role)
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def reporter(roles, django_user_model):
    return _staff(django_user_model, "reporter", "Reporter")


@pytest.fixture
def other_reporter(roles, django_user_model):
    return _staff(django_user_model, "other", "Reporter")


@pytest.fixture
def editor(roles, django_user_model):
    return _staff(django_user_model, "editor", "Editor")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


class RedisServer:
    """A redis-server of a test's own, on a free port, that the test may stop and start."""

    def __init__(self, binary: str, folder, *options: str) -> None:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.binary = binary
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.options = options
        self.process = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=2)

    def start(self) -> "RedisServer":
        import subprocess
        import time

        import redis

        self.process = subprocess.Popen(  # noqa: S603
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "",
                *self.options,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:  # polling until it answers, not a fixed wait
            try:
                if self.client().ping():
                    return self
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
            time.sleep(0.02)

    def stop(self, *, crash: bool = False) -> None:
        """Stop it: as an operator would (SIGTERM), or crash it (SIGKILL)."""
        if self.process is None:
            return
        if crash:
            self.process.kill()
        else:
            self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def redis_server(tmp_path):
    """Start Redis servers of the test's own: redis_server(*options).start()."""
    import shutil

    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not os.path.exists(binary):
        _missing("redis-server", "NEWSROOM_REQUIRE_SERVICES")
    servers = []

    def make(*options: str) -> RedisServer:
        server = RedisServer(binary, tmp_path / f"redis-{len(servers)}", *options)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop(crash=True)


# The two Redis configurations of README's "Redis" section.
COUNTERS_REDIS = (
    "--appendonly",
    "yes",
    "--appendfsync",
    "everysec",
    "--maxmemory-policy",
    "noeviction",
)
CACHE_REDIS = ("--maxmemory", "8mb", "--maxmemory-policy", "allkeys-lru")
