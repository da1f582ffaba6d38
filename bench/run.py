#!/usr/bin/env python3
"""
make bench: what a view costs, side by side, on the production profile.

1. HTTP, under gunicorn (2 sync workers) on 127.0.0.1 and wrk on the same machine,
   the endpoints interleaved round by round: a bare Django view (the floor, a
   bench-only URL), the story, front, section and tag pages rendered on every
   request (cold: bench-only URLs to the views without the page cache), a warm
   story page, the hit endpoint with a distinct visitor
   per request (every request counts), and the naive way, a bench-only endpoint
   doing UPDATE ... SET views = views + 1 per view on PostgreSQL.
2. Flushes of pending views from Redis to PostgreSQL: 1,000,000 views over 1,000,
   10,000 and 100,000 stories (and 1,000 views over 1,000 stories, to show that
   the views do not matter, the stories do).
3. "Most viewed" reads over 10,000 stories: the ranking computed cold (a union of
   the window's buckets), and the cached one.

Environment: DATABASE_URL and REDIS_URL (default: a `newsroom_bench` database on
127.0.0.1 and Redis db 0, where only keys under the bench's own prefixes are
written and removed), BENCH_PORT (8300), BENCH_SECONDS per wrk run (5),
BENCH_ROUNDS (3). It installs Debian's wrk when it is missing. Results are
printed and kept in bench/results/.
"""

import datetime
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORT = int(os.environ.get("BENCH_PORT", "8300"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
THREADS, CONNECTIONS = 2, 16
HTTP_STORIES = 100
BULK_STORIES = 100_000
KEY_PREFIX = "bench-views"
CACHE_PREFIX = "bench-cache"
BROWSER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)


def log(message: str) -> None:
    print(f"· {message}", flush=True)


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        log("installing wrk (Debian's package)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    return shutil.which("wrk")


def bench_environment() -> dict[str, str]:
    static_root = Path(tempfile.gettempdir()) / f"newsroom-bench-static-{PORT}"
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/newsroom_bench",
        "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_DEBUG": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_CACHE_KEY_PREFIX": CACHE_PREFIX,
        "ANALYTICS_KEY_PREFIX": KEY_PREFIX,
        # wrk plays many readers through one proxy that says who they are.
        "NEWSROOM_TRUSTED_PROXIES": "1",
        "BENCH_STATIC_ROOT": str(static_root),
    }


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            log(f"creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def clean_redis() -> None:
    import redis
    from django.conf import settings

    client = redis.Redis.from_url(settings.REDIS_URL)
    for prefix in (KEY_PREFIX, CACHE_PREFIX):
        batch = []
        for key in client.scan_iter(match=f"{prefix}:*", count=5000):
            batch.append(key)
            if len(batch) == 5000:
                client.unlink(*batch)
                batch = []
        if batch:
            client.unlink(*batch)


def stories_in(slug: str, count: int, *, body: str):
    """`count` live stories in a section of their own, made once and reused."""
    from django.utils import timezone

    from articles.models import Article, Section

    section, _ = Section.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").title()}
    )
    have = Article.objects.filter(section=section).count()
    if have < count:
        log(f"creating {count - have:,} stories in {slug}")
        now = timezone.now()
        Article.objects.bulk_create(
            (
                Article(
                    headline=f"{section.name}: story {n}",
                    slug=f"{slug}-story-{n}",
                    lead="A lead of one sentence that says what happened.",
                    body=body,
                    section=section,
                    byline="Bench desk",
                    status=Article.Status.PUBLISHED,
                    published_at=now - datetime.timedelta(minutes=n),
                )
                for n in range(have, count)
            ),
            batch_size=5000,
        )
    return Article.objects.filter(section=section).order_by("pk")[:count]


def http_stories() -> list:
    """The stories the HTTP runs read: tagged (relevant news), with a counter row."""
    from analytics.models import ViewTotal

    paragraph = "<p>" + "The delegations discussed trade and transport. " * 6 + "</p>"
    stories = list(stories_in("bench-http", HTTP_STORIES, body=paragraph * 8))
    for n, story in enumerate(stories[:20]):
        story.tags.add("bench", f"topic-{n % 4}")
    ViewTotal.objects.bulk_create(
        [ViewTotal(article=story) for story in stories], ignore_conflicts=True
    )
    return stories


def bulk_story_ids() -> list[int]:
    stories = stories_in("bench-bulk", BULK_STORIES, body="<p>A story.</p>")
    return list(stories.values_list("pk", flat=True))


# --- HTTP ----------------------------------------------------------------------

HIT_LUA = """
-- A distinct reader (X-Forwarded-For through the one trusted proxy) per request.
local stories = {%(stories)s}
local made = 0
function setup(thread)
  made = made + 1
  thread:set("tid", made)
end
function init(args)
  first = tonumber(args[1])
  n = 0
end
function request()
  n = n + 1
  local k = n * 8 + tid
  local ip = string.format("%%d.%%d.%%d.%%d", first, math.floor(k / 65536) %% 256,
                           math.floor(k / 256) %% 256, k %% 256)
  local story = stories[(k %% #stories) + 1]
  return wrk.format("POST", "%(path)s", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["User-Agent"] = "%(ua)s",
    ["X-Forwarded-For"] = ip,
  }, story)
end
"""

NAIVE_LUA = """
local stories = {%(stories)s}
local n = 0
function request()
  n = n + 1
  return wrk.format("POST", "/bench/naive-hit/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["User-Agent"] = "%(ua)s",
  }, stories[(n %% #stories) + 1])
end
"""


def to_ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value)
    if match is None:
        log(f"wrk gave a latency of {value!r}; left out")
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1e3, "m": 6e4, "h": 3.6e6}[unit]


WORKERS: list[int] = []  # gunicorn's worker processes, for their CPU time


def cpu_seconds() -> tuple[float, float]:
    """CPU time used so far by the gunicorn workers and by the Redis server."""
    import redis
    from django.conf import settings

    tick = os.sysconf("SC_CLK_TCK")
    web = 0.0
    for pid in WORKERS:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        web += (int(fields[11]) + int(fields[12])) / tick
    info = redis.Redis.from_url(settings.REDIS_URL).info("cpu")
    return web, info["used_cpu_sys"] + info["used_cpu_user"]


def wrk(wrk_path: str, url: str, script: Path | None = None, *args: str) -> dict:
    command = [
        wrk_path,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{SECONDS}s",
        "--latency",
        "-H",
        f"User-Agent: {BROWSER_UA}",
    ]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if args:
        command += ["--", *args]
    web_before, redis_before = cpu_seconds()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    web_after, redis_after = cpu_seconds()
    if not re.search(r"99%\s+\S+", output):
        raise SystemExit(f"wrk's output was not understood:\n{output}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    requests = int(re.search(r"(\d+) requests in", output)[1])
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p99": to_ms(re.search(r"99%\s+(\S+)", output)[1]),
        "requests": requests,
        "web_cpu": (web_after - web_before) * 1000 / max(requests, 1),
        "redis_cpu": (redis_after - redis_before) * 1000 / max(requests, 1),
        "bad": int(bad[1]) if bad else 0,
        "socket_errors": errors[1] if errors else "",
    }


def start_gunicorn(env: dict[str, str]) -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [
            gunicorn,
            "newsroom.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/") as r:
                if r.status == 200:
                    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
                    WORKERS[:] = [int(pid) for pid in children.read_text().split()]
                    return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{PORT}")


def pending_views() -> int:
    from analytics.stores import get_store

    store = get_store()
    return sum(
        int(v)
        for k, v in store.redis.hgetall(store.pending_key).items()
        if k != b"_batch"
    )


def run_http(wrk_path: str, stories: list, workdir: Path) -> dict[str, list[dict]]:
    from analytics.tokens import hit_token

    base = f"http://127.0.0.1:{PORT}"
    bodies = ", ".join(
        f'"a={s.pk}&t={hit_token(article_id=s.pk, section_id=s.section_id)}"'
        for s in stories
    )
    hit_lua = workdir / "hit.lua"
    hit_lua.write_text(
        HIT_LUA % {"stories": bodies, "path": "/analytics/hit/", "ua": BROWSER_UA}
    )
    # The same requests, made by the same script, to the bare view: the floor for
    # a POST, since wrk's per-request script costs CPU on this machine too.
    bare_lua = workdir / "bare.lua"
    bare_lua.write_text(
        HIT_LUA % {"stories": bodies, "path": "/bench/bare/", "ua": BROWSER_UA}
    )
    ping_lua = workdir / "bare-redis.lua"
    ping_lua.write_text(
        HIT_LUA % {"stories": bodies, "path": "/bench/bare-redis/", "ua": BROWSER_UA}
    )
    naive_lua = workdir / "naive.lua"
    naive_lua.write_text(
        NAIVE_LUA
        % {"stories": ", ".join(f'"a={s.pk}"' for s in stories), "ua": BROWSER_UA}
    )
    story = stories[0]
    story_url = base + story.get_absolute_url()
    edition = f"/{story.language}/"
    cold = base + edition + "bench/cold/"
    cold_urls = {
        "story page, rendered per request": cold
        + story.get_absolute_url().removeprefix(edition),
        "front page, rendered per request": cold,
        "section page, rendered per request": cold
        + f"section/{story.section.slug_in(story.language)}/",
        "tag page, rendered per request": cold + "tag/bench/",
    }
    for url in (story_url, base + edition, *cold_urls.values()):
        for _ in range(20):  # warm: templates, connections, the rankings' cache
            with urllib.request.urlopen(url) as response:
                if response.status != 200 or response.url != url:
                    raise SystemExit(
                        f"{url} answered {response.status} at {response.url}"
                    )
                response.read()

    results: dict[str, list[dict]] = {}
    for round_ in range(ROUNDS):
        log(f"HTTP round {round_ + 1} of {ROUNDS}")
        runs = [
            (
                "bare Django view, GET (floor)",
                lambda: wrk(wrk_path, base + "/bench/bare/"),
            ),
            *(
                (name, lambda url=url: wrk(wrk_path, url))
                for name, url in cold_urls.items()
            ),
            (
                "story page, warm (the site's reader page cache)",
                lambda: wrk(wrk_path, story_url),
            ),
            (
                "bare Django view, POST of the beacon bodies (floor)",
                lambda octet=31 + round_: wrk(
                    wrk_path, base + "/bench/bare/", bare_lua, str(octet)
                ),
            ),
            (
                "bare Django view + one Redis PING, same POSTs",
                lambda octet=51 + round_: wrk(
                    wrk_path, base + "/bench/bare-redis/", ping_lua, str(octet)
                ),
            ),
            (
                "hit endpoint, a distinct visitor per request (Redis)",
                lambda octet=11 + round_: counted_hits(wrk_path, base, hit_lua, octet),
            ),
            (
                "naive F('views') + 1 endpoint (PostgreSQL)",
                lambda: wrk(wrk_path, base + "/bench/naive-hit/", naive_lua),
            ),
        ]
        for name, run in runs:
            results.setdefault(name, []).append(run())
    return results


def counted_hits(wrk_path: str, base: str, script: Path, first_octet: int) -> dict:
    before = pending_views()
    result = wrk(wrk_path, base + "/analytics/hit/", script, str(first_octet))
    time.sleep(0.2)
    result["counted"] = pending_views() - before
    return result


# --- Flushes and reads ---------------------------------------------------------


def fill_pending(store, story_ids: list[int], views: int) -> None:
    from django.utils import timezone

    day = timezone.localdate().strftime("%Y%m%d")
    each, extra = divmod(views, len(story_ids))
    items = [
        (f"{pk}:{day}", each + (1 if index < extra else 0))
        for index, pk in enumerate(story_ids)
    ]
    for start in range(0, len(items), 10_000):
        store.redis.hset(store.pending_key, mapping=dict(items[start : start + 10_000]))


def run_flushes(bulk_ids: list[int]) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from analytics.services import view_batch_apply, views_flush
    from analytics.stores import get_store

    store = get_store()
    views_flush(store=store)  # the views the HTTP runs counted
    rows = []
    for stories, views in (
        (1_000, 1_000),
        (1_000, 1_000_000),
        (10_000, 1_000_000),
        (100_000, 1_000_000),
    ):
        log(f"flush: {views:,} views over {stories:,} stories")
        fill_pending(store, bulk_ids[:stories], views)
        started = time.perf_counter()
        batch = store.claim_batch()
        taken = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            applied, totals = view_batch_apply(batch=batch)
        written = time.perf_counter()
        store.finish_batch(batch, totals)
        finished = time.perf_counter()
        assert applied and batch.total == views and len(totals) == stories
        rows.append(
            {
                "stories": stories,
                "views": views,
                "take": (taken - started) * 1000,
                "write": (written - taken) * 1000,
                "finish": (finished - written) * 1000,
                "total": (finished - started) * 1000,
                "statements": len(queries),
            }
        )
    return rows


def run_reads(bulk_ids: list[int]) -> list[dict]:
    from django.core.cache import cache
    from django.utils import timezone

    from analytics import selectors
    from analytics.stores import Window, get_store

    store = get_store()
    ids = bulk_ids[:10_000]
    now = timezone.now()
    today = timezone.localdate(now)
    log("most viewed: filling 24 hourly and 30 daily buckets of 10,000 stories")
    with store.redis.pipeline(transaction=False) as pipe:
        for back in range(24):
            key = store.hour_key(now - datetime.timedelta(hours=back))
            pipe.zadd(key, {str(pk): (pk * 7 + back) % 997 for pk in ids})
            pipe.expire(key, 3600)
        for back in range(30):
            key = store.day_key(today - datetime.timedelta(days=back))
            pipe.zadd(key, {str(pk): (pk * 13 + back) % 9973 for pk in ids})
            pipe.expire(key, 3600)
        pipe.execute()
    rows = []
    for window in Window:
        key = selectors.RANKING_KEY.format(window=window.value, section="all")
        cold, warm = [], []
        for _ in range(15):
            cache.delete(key)
            started = time.perf_counter()
            selectors.most_viewed_stories(windows=[window], limit=10)
            cold.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            selectors.most_viewed_stories(windows=[window], limit=10)
            warm.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "window": window.label,
                "buckets": 24 if window is Window.DAY else window.days,
                "cold": statistics.median(cold),
                "warm": statistics.median(warm),
            }
        )
    return rows


# --- Report --------------------------------------------------------------------


def machine() -> str:
    import django
    import redis
    from django.db import connection

    cpu = "unknown CPU"
    for line in subprocess.run(
        ["lscpu"], capture_output=True, text=True
    ).stdout.splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    from django.conf import settings

    redis_version = redis.Redis.from_url(settings.REDIS_URL).info("server")[
        "redis_version"
    ]
    os_name = platform.freedesktop_os_release().get("PRETTY_NAME", platform.system())
    wrk_version = subprocess.run(
        ["wrk", "-v"], capture_output=True, text=True
    ).stdout.split()[1]
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM; {os_name}, Linux "
        f"{platform.release()}; Python {platform.python_version()}, Django "
        f"{django.get_version()}, PostgreSQL {postgres}, Redis {redis_version}, "
        f"wrk {wrk_version}; gunicorn 2 sync workers, wrk -t{THREADS} -c{CONNECTIONS} "
        f"-d{SECONDS}s x {ROUNDS} rounds, interleaved, on the same machine"
    )


def report(http: dict, flushes: list[dict], reads: list[dict]) -> str:
    lines = []
    rps_of = {
        name: statistics.median(r["rps"] for r in runs) for name, runs in http.items()
    }
    get_floor, post_floor = (rps for name, rps in rps_of.items() if "(floor)" in name)
    lines += [
        "| endpoint | requests/s (median of rounds) | p99 ms | vs its bare floor "
        "| web CPU ms/request | Redis CPU ms/request | notes |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, runs in http.items():
        rps = rps_of[name]
        floor = post_floor if ("POST" in name or "endpoint" in name) else get_floor
        p99 = statistics.median(r["p99"] for r in runs if r["p99"] == r["p99"])
        notes = []
        if any(r["bad"] for r in runs):
            notes.append(f"{sum(r['bad'] for r in runs)} non-2xx")
        if "counted" in runs[0]:
            notes.append(
                f"{sum(r['counted'] for r in runs):,} views counted "
                f"of {sum(r['requests'] for r in runs):,} requests"
            )
        errors = {r["socket_errors"] for r in runs if r["socket_errors"]}
        if errors:
            notes.append("socket errors: " + "; ".join(errors))
        web = statistics.median(r["web_cpu"] for r in runs)
        redis_cpu = statistics.median(r["redis_cpu"] for r in runs)
        lines.append(
            f"| {name} | {rps:,.0f} | {p99:.1f} | {rps / floor:.0%} | {web:.3f} "
            f"| {redis_cpu:.3f} | {', '.join(notes)} |"
        )
    lines += [
        "",
        "| flush (Redis to PostgreSQL) | take batch ms | write ms | finish ms | total ms | SQL statements (with BEGIN, COMMIT) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in flushes:
        lines.append(
            f"| {row['views']:,} views over {row['stories']:,} stories | "
            f"{row['take']:,.0f} | {row['write']:,.0f} | {row['finish']:,.0f} | "
            f"{row['total']:,.0f} | {row['statements']} |"
        )
    lines += [
        "",
        "| Most viewed, 10,000 stories ranked | buckets | cold read ms (compute + cache + live filter) | cached read ms |",
        "|---|---:|---:|---:|",
    ]
    for row in reads:
        lines.append(
            f"| {row['window']} | {row['buckets']} | {row['cold']:.2f} | {row['warm']:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    load_before = os.getloadavg()[0]
    wrk_path = ensure_wrk()
    env = bench_environment()
    os.environ.update(env)
    ensure_database(env["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    log("migrating and collecting static files")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    clean_redis()
    stories = http_stories()
    bulk_ids = bulk_story_ids()
    from django.db import connection

    with connection.cursor() as cursor:  # fresh statistics for the planner
        cursor.execute("ANALYZE")
    connection.close()
    server = start_gunicorn(env)
    try:
        with tempfile.TemporaryDirectory() as workdir:
            http = run_http(wrk_path, stories, Path(workdir))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    try:
        flushes = run_flushes(bulk_ids)
        reads = run_reads(bulk_ids)
        description = machine()
    finally:
        clean_redis()
    table = report(http, flushes, reads)
    text = (
        f"Machine: {description}. Load average before the run: {load_before:.2f} "
        f"(other work on the machine shows up in every row alike).\n\n{table}\n"
    )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (results / f"{stamp}.md").write_text(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
