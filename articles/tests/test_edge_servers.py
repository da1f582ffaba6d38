"""
Reader pages served by real processes: two gunicorn servers on the production
profile, and Debian's Varnish running deploy/varnish/default.vcl in front of one.
They read the test database, so these tests commit (transaction=True).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from articles import services
from articles.cache import reader_pages_changed, story_key
from articles.models import Article
from conftest import _missing

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
XKEY = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect itself is the answer under test


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url: str, **headers) -> tuple[int, dict, str]:
    """One request, redirects not followed: (status, headers, text)."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with OPENER.open(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def until_answers(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while True:  # polling until it answers, not a fixed wait
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            assert process.poll() is None, f"{url}: the server exited"
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.05)


@pytest.fixture
def served(redis_url, tmp_path):
    """Start gunicorn servers on the test database: served(**settings) -> base URL."""
    if connection.vendor != "postgresql":
        _missing("PostgreSQL (DATABASE_URL)", "NEWSROOM_REQUIRE_SERVICES")
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )
    processes = []

    def start(**variables) -> str:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "articles.tests.served_settings",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "DJANGO_CACHE_KEY_PREFIX": settings.CACHES["default"].get("KEY_PREFIX", ""),
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_DEBUG": "false",
            "NEWSROOM_PAGE_CACHE_SECONDS": "300",
            **variables,
        }
        process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "newsroom.wsgi:application",
                "--workers", "1", "--bind", f"127.0.0.1:{port}",
                "--log-level", "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        until_answers(base + "/favicon.ico", process)
        return base

    yield start
    stop(processes)


@pytest.fixture
def varnish():
    """Varnish with the repository's VCL in front of an origin: varnish(origin) -> URL."""
    if not (os.path.exists(VARNISHD) and XKEY.exists()):
        _missing("Debian's varnish and varnish-modules", "NEWSROOM_REQUIRE_SERVICES")
    processes = []

    def start(origin: str) -> str:
        port = free_port()
        vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        vcl = vcl.replace('.port = "8000";', f'.port = "{origin.rsplit(":", 1)[1]}";')
        # varnishd reads these as its own user: a folder anyone may read.
        folder = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
        folder.chmod(0o755)
        folders.append(folder)
        path = folder / "test.vcl"
        path.write_text(vcl)
        path.chmod(0o644)
        process = subprocess.Popen(  # noqa: S603
            [
                VARNISHD, "-F", "-f", str(path), "-a", f"127.0.0.1:{port}",
                "-n", str(folder / "varnish"), "-s", "malloc,32m", "-T", "none",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        until_answers(base + "/favicon.ico", process)
        return base

    folders = []
    yield start
    stop(processes)
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


def test_two_web_processes_never_serve_a_page_older_than_the_purge(
    served, section, editor, celery_eager, wait_for
):
    """
    After a change is committed, neither of two gunicorn servers serves the old
    page once the purge is due (the HTTP cache's next fetch gets the new one).
    """
    story = ArticleFactory(section=section, headline="The old headline")
    servers = [served(), served()]
    url = story.get_absolute_url()
    for base in servers:
        for _ in range(2):  # rendered, then warm in the server's memory
            assert "The old headline" in fetch(base + url)[2]
    story.headline = "The new headline"
    committed = None

    def after_commit():
        nonlocal committed
        committed = time.monotonic()

    from django.db import transaction

    with transaction.atomic():
        story.save()
        services.article_changed(article=story)
        transaction.on_commit(after_commit)
    purge_due = settings.NEWSROOM_PAGE_VERSION_CHECK_SECONDS + services.PURGE_MARGIN
    last_old = {}

    def both_new() -> bool:
        fresh = True
        for base in servers:
            if "The old headline" in fetch(base + url)[2]:
                last_old[base] = time.monotonic() - committed
                fresh = False
        return fresh

    assert wait_for(both_new, timeout=10)
    assert all(seconds < purge_due for seconds in last_old.values()), last_old


def test_varnish_keeps_reader_pages_passes_the_rest_and_honours_purges(
    served, varnish, section, settings, celery_eager, wait_for
):
    """
    Varnish with deploy/varnish/default.vcl keeps reader pages (cookies or not),
    never the beacon, the desk or a cookie-setting answer, hides the keys, and
    a purge by key shows the change at the edge.
    """
    story = ArticleFactory(section=section, headline="At the edge")
    origin = served(NEWSROOM_PAGE_VERSION_CHECK_SECONDS="0")
    edge = varnish(origin)
    url = edge + story.get_absolute_url()
    status, headers, body = fetch(url)
    assert status == 200 and "At the edge" in body
    status, headers, _ = fetch(url, Cookie="sessionid=someone; csrftoken=x")
    assert headers["X-Cache"] == "hit"  # a reader's cookie does not make a miss
    assert "xkey" not in headers and "Surrogate-Key" not in headers
    assert "s-maxage" in headers["Cache-Control"]
    for path in ("/admin/login/", "/edition/ru/?next=/ru/", "/"):
        for _ in range(2):
            status, headers, _ = fetch(edge + path)
            assert headers.get("X-Cache") != "hit", path
            assert "no-store" in headers["Cache-Control"] or path == "/", path
    hit = urllib.request.Request(edge + "/analytics/hit/", data=b"a=1", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(hit, timeout=10)
    assert refused.value.code == 400  # answered by the origin, not the cache

    settings.NEWSROOM_HTTP_CACHE_PURGE_URLS = [edge + "/"]
    Article.objects.filter(pk=story.pk).update(headline="Corrected at the edge")
    reader_pages_changed([story_key(story.pk)])
    from articles.tasks import purge_http_caches

    purge_http_caches.delay([story_key(story.pk)])
    started = time.monotonic()
    assert wait_for(lambda: "Corrected at the edge" in fetch(url)[2], timeout=5)
    assert time.monotonic() - started < 2

    other = urllib.request.Request(
        edge + "/", method="PURGE", headers={"xkey-purge": "x"}
    )
    assert urllib.request.urlopen(other, timeout=10).status == 200
