#!/usr/bin/env python3
"""
make bench-edge: Varnish in front of gunicorn, as deploy/varnish/default.vcl runs it.

It starts its own varnishd (Debian's varnish and varnish-modules, installed with
apt-get when missing), gunicorn with 2 sync workers on the production profile and
a Celery worker (the purges), all on DATABASE_URL and REDIS_URL, with 10,000 live
stories in one edition. Every story page is read once through the edge first (a
site that has been running has its long tail cached). wrk then plays readers: story pages chosen by a Zipf
distribution (s = 1) over the 10,000, the front page and the section's first
pages. Every 30 seconds a new story is published through the desk's service; a
poller reads the edge's front page until the story is on it. It reports, after
the first minute: requests/s at the edge, origin requests per 1,000 reader
requests (Varnish's backend fetches), p99, and seconds from publish to the story
on the edge's front page.

Environment: DATABASE_URL, REDIS_URL (as bench/run.py), EDGE_WEB_PORT (8301),
EDGE_VARNISH_PORT (8302), EDGE_SECONDS (180, the first 60 of them warm-up),
EDGE_PUBLISH_SECONDS (30).
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

WEB_PORT = int(os.environ.get("EDGE_WEB_PORT", "8301"))
VARNISH_PORT = int(os.environ.get("EDGE_VARNISH_PORT", "8302"))
SECONDS = int(os.environ.get("EDGE_SECONDS", "180"))
WARM_UP = 60
PUBLISH_EVERY = int(os.environ.get("EDGE_PUBLISH_SECONDS", "30"))
STORIES = 10_000
EDITION = "kk"
SECTION = "bench-edge"
ZIPF_S = 1.0
# Readers waiting on the origin (a miss) must not hold back the others: enough
# connections that the hits go on meanwhile.
CONNECTIONS = 128

READERS_LUA = """
-- Readers: story pages by a Zipf distribution, the front page, the section.
local paths = {%(paths)s}
local cumulative = {}
local total = 0
for i = 1, #paths do
  total = total + 1 / (i ^ %(s)s)
  cumulative[i] = total
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) %% 1000)
local function zipf()
  local x = math.random() * total
  local lo, hi = 1, #paths
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < x then lo = mid + 1 else hi = mid end
  end
  return paths[lo]
end
function request()
  local r = math.random()
  local path
  if r < 0.10 then path = "/%(edition)s/"
  elseif r < 0.14 then path = "/%(edition)s/section/%(section)s/"
  elseif r < 0.15 then path = "/%(edition)s/section/%(section)s/?page=" .. math.random(2, 5)
  else path = zipf() end
  return wrk.format("GET", path, {["Cookie"] = "sessionid=reader" .. math.random(1, 1000)})
end
"""


def log(message: str) -> None:
    print(f"· {message}", flush=True)


def ensure_varnish() -> str:
    vmods = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")
    if not shutil.which("varnishd") and not Path("/usr/sbin/varnishd").exists():
        run.log("installing varnish (Debian's package)")
        packages = ["varnish", "varnish-modules"]
    elif not vmods.exists():
        packages = ["varnish-modules"]
    else:
        packages = []
    if packages:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *packages], check=True, env=env
        )
    return shutil.which("varnishd") or "/usr/sbin/varnishd"


def edge_stories() -> list:
    from articles.models import Article

    run.stories_in(
        SECTION, STORIES, body="<p>" + "A story read by many. " * 40 + "</p>"
    )
    Article.objects.filter(section__slug=SECTION).exclude(language=EDITION).update(
        language=EDITION
    )
    stories = Article.objects.live().filter(section__slug=SECTION)
    ordered = stories.order_by("-published_at", "-pk")
    return list(ordered.only("pk", "slug", "language")[:STORIES])


def start_varnish(varnishd: str, workdir: Path) -> subprocess.Popen:
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    vcl = vcl.replace('.port = "8000";', f'.port = "{WEB_PORT}";')
    # varnishd reads it as its own user: a folder and file anyone may read.
    workdir.chmod(0o755)
    path = workdir / "edge.vcl"
    path.write_text(vcl)
    path.chmod(0o644)
    name = f"/tmp/varnish-bench-edge-{VARNISH_PORT}"
    process = subprocess.Popen(
        [
            varnishd, "-F", "-f", str(path), "-a", f"127.0.0.1:{VARNISH_PORT}",
            "-n", name, "-s", "malloc,256m", "-T", "none",
        ],
        start_new_session=True,
    )  # fmt: skip
    process.name = name
    wait_for(f"http://127.0.0.1:{VARNISH_PORT}/{EDITION}/")
    return process


def prime(stories: list) -> None:
    """
    Every page read once through the edge, as on a site that has been running:
    the long tail of a Zipf distribution is otherwise a stream of first reads.
    """
    from concurrent.futures import ThreadPoolExecutor

    log(f"priming the edge with the {len(stories):,} story pages")
    started = time.monotonic()
    urls = [f"http://127.0.0.1:{VARNISH_PORT}{s.get_absolute_url()}" for s in stories]

    def read(url: str) -> None:
        with urllib.request.urlopen(url, timeout=60) as answer:
            answer.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(read, urls))
    log(f"primed in {time.monotonic() - started:.0f} s")


def wait_for(url: str) -> None:
    error = None
    for _ in range(200):
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError as failure:
            error = failure
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer: {error}")


def backend_fetches(name: str) -> int:
    output = subprocess.run(
        ["varnishstat", "-n", name, "-1", "-f", "MAIN.backend_req"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(output.split()[1])


class Publisher(threading.Thread):
    """A story every PUBLISH_EVERY seconds; how long until the edge's front page shows it."""

    def __init__(self, section_id: int) -> None:
        super().__init__(daemon=True)
        self.section_id = section_id
        self.delays: list[tuple[float, float]] = []  # (seconds since start, delay)
        self.stop = threading.Event()
        self.started_at = time.monotonic()

    def run(self) -> None:
        from django.db import connection

        from articles import services
        from articles.models import Article

        n = 0
        while not self.stop.wait(PUBLISH_EVERY if n else 5):
            n += 1
            headline = f"Edge bench news {time.time_ns()}"
            story = Article.objects.create(
                headline=headline,
                language=EDITION,
                section_id=self.section_id,
                body="<p>Just in.</p>",
                status=Article.Status.REVIEW,
            )
            published = time.monotonic()
            services.article_publish(article=story)
            seen = None
            while time.monotonic() - published < 30:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{VARNISH_PORT}/{EDITION}/"
                ) as answer:
                    if headline in answer.read().decode():
                        seen = time.monotonic() - published
                        break
                time.sleep(0.05)
            self.delays.append((published - self.started_at, seen or float("nan")))
            log(f"published; on the edge's front page after {seen} s")
        connection.close()


def main() -> None:
    load_before = os.getloadavg()[0]
    wrk_path = run.ensure_wrk()
    varnishd = ensure_varnish()
    env = run.bench_environment()
    env["NEWSROOM_HTTP_CACHE_PURGE_URLS"] = f"http://127.0.0.1:{VARNISH_PORT}/"
    os.environ.update(env)
    run.ensure_database(env["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from articles.models import Section

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    run.clean_redis()
    stories = edge_stories()
    section = Section.objects.get(slug=SECTION)
    from django.db import connection

    connection.close()
    run.PORT = WEB_PORT
    web = run.start_gunicorn(env)
    worker = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "celery"), "-A", "newsroom", "worker",
            "--concurrency", "1", "--loglevel", "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        start_new_session=True,
    )  # fmt: skip
    processes = [web, worker]
    try:
        with tempfile.TemporaryDirectory() as workdir:
            varnish = start_varnish(varnishd, Path(workdir))
            processes.append(varnish)
            paths = ", ".join(f'"{s.get_absolute_url()}"' for s in stories)
            script = Path(workdir) / "readers.lua"
            script.write_text(
                READERS_LUA
                % {"paths": paths, "s": ZIPF_S, "edition": EDITION, "section": SECTION}
            )
            base = f"http://127.0.0.1:{VARNISH_PORT}/"
            prime(stories)
            publisher = Publisher(section.pk)
            publisher.start()
            log(f"warming up for {WARM_UP} s")
            wrk(wrk_path, base, script, WARM_UP)
            fetches_before = backend_fetches(varnish.name)
            measured = SECONDS - WARM_UP
            log(f"measuring for {measured} s")
            result = wrk(wrk_path, base, script, measured)
            fetches = backend_fetches(varnish.name) - fetches_before
            publisher.stop.set()
            publisher.join(40)
    finally:
        for process in reversed(processes):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    delays = [delay for at, delay in publisher.delays if at >= WARM_UP]
    table = "\n".join(
        [
            "| measured (after the first minute) | result |",
            "|---|---:|",
            f"| reader requests/s at the edge | {result['rps']:,.0f} |",
            f"| origin requests per 1,000 reader requests | "
            f"{fetches * 1000 / result['requests']:.1f} ({fetches:,} of "
            f"{result['requests']:,}) |",
            f"| p99 ms | {result['p99']:.1f} |",
            f"| publish to the edge's front page, s (median, max of {len(delays)}) | "
            f"{statistics.median(delays):.2f}, {max(delays):.2f} |",
        ]
    )
    text = (
        f"Edge bench: Varnish {varnish_version(varnishd)} in front of gunicorn (2 "
        f"sync workers), {STORIES:,} stories, Zipf s={ZIPF_S}, a publish every "
        f"{PUBLISH_EVERY} s, wrk -t2 -c{CONNECTIONS} for {SECONDS} s (the first {WARM_UP} s "
        f"warm-up). Load average before the run: {load_before:.2f}.\n\n{table}\n"
    )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"edge-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(text)
    print()
    print(text)


def varnish_version(varnishd: str) -> str:
    output = subprocess.run([varnishd, "-V"], capture_output=True, text=True).stderr
    match = re.search(r"varnish-([\d.]+)", output)
    return match[1] if match else "unknown"


def wrk(wrk_path: str, url: str, script: Path, seconds: int) -> dict:
    output = subprocess.run(
        [
            wrk_path,
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        log(f"{bad[1]} answers were not 2xx or 3xx")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p99": run.to_ms(re.search(r"99%\s+(\S+)", output)[1]),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
    }


if __name__ == "__main__":
    main()
