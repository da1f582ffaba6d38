"""Shared fixtures: a throwaway media folder, a clean cache, plain HTTP in tests."""

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _plain_http():
    """The production profile redirects to HTTPS; the test client and live server speak HTTP.

    Session-wide and first, because the live server builds its middleware once.
    """
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pages are not cached between requests of a test; the page-cache tests turn it on.
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    # Tests sign editors in with force_login; newsroom/tests/test_admin_security.py
    # turns the second factor on and proves it is enforced.
    settings.NEWSROOM_ADMIN_REQUIRE_2FA = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


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
