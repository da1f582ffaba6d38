"""
A 30-second Redis outage under traffic, measured (bench/README.md, "Outage").

Starts a Redis of its own as README's "Redis" section says for the counters
(append-only, everysec, noeviction), one for all three roles as on a small site,
then gunicorn (2 workers) and a Celery worker with beat on it. Readers open pages
and send beacons all the time; the beacons are retried as static/js/views.js
does (a 503 or a network error, with a doubling pause). Redis is killed (SIGKILL)
for OUTAGE_SECONDS and started again. Then one gunicorn worker is killed and
respawns, and 50 readers counted before it come back.

It prints: reader pages by status code during the outage, beacons refused and
later counted by a retry, views lost (acknowledged as counted but not in
PostgreSQL after the last flush) and readers counted twice after the web
process restart.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
    OUTAGE_REDIS_PORT=8160 OUTAGE_WEB_PORT=8161 .venv/bin/python bench/outage.py

The database must hold the demo newsroom (`manage.py seed_demo`).
"""

import collections
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)
REDIS_PORT = int(os.environ.get("OUTAGE_REDIS_PORT", "8160"))
WEB_PORT = int(os.environ.get("OUTAGE_WEB_PORT", "8161"))
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "30"))
BEFORE_SECONDS = 10.0
AFTER_SECONDS = 15.0
BEACONS_PER_SECOND = 20
BASE = f"http://127.0.0.1:{WEB_PORT}"


def http(method: str, path: str, *, body: bytes | None = None, address: str = ""):
    headers = {"User-Agent": UA}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Sec-Fetch-Site"] = "same-origin"
        headers["Origin"] = BASE
    if address:
        headers["X-Forwarded-For"] = address
    request = urllib.request.Request(BASE + path, data=body, headers=headers)
    request.method = method
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""  # the network: no answer


class Redis:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                *("--port", str(REDIS_PORT), "--bind", "127.0.0.1"),
                *("--dir", str(self.folder), "--save", ""),
                *("--appendonly", "yes", "--appendfsync", "everysec"),
                *("--maxmemory-policy", "noeviction"),
            ],
            stdout=subprocess.DEVNULL,
        )
        until(
            lambda: (
                subprocess.run(
                    ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True
                ).stdout.strip()
                == b"PONG"
            )
        )

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


def until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            sys.exit("outage: timed out")
        time.sleep(0.1)


class Beacons:
    """Readers' beacons, retried as views.js does; what each attempt got."""

    def __init__(self, stories: list[dict]) -> None:
        self.stories = stories
        self.lock = threading.Lock()
        self.acknowledged = collections.Counter()  # story -> views answered counted
        self.refused_first = 0
        self.counted_by_retry = 0
        self.given_up = 0
        self.pending = 0

    def send(self, story: dict, address: str) -> bool | None:
        """One reader's view, retried; whether it counted (None: given up)."""
        body = f"a={story['id']}&t={story['token']}".encode()
        pause, first = 1.0, True
        with self.lock:
            self.pending += 1
        try:
            for _attempt in range(12):
                status, answer = http(
                    "POST", "/analytics/hit/", body=body, address=address
                )
                if status == 200:
                    counted = json.loads(answer)["counted"]
                    with self.lock:
                        if counted:
                            self.acknowledged[story["id"]] += 1
                            if not first:
                                self.counted_by_retry += 1
                    return counted
                if status not in (0, 503):
                    return None
                if first:
                    with self.lock:
                        self.refused_first += 1
                first = False
                time.sleep(pause * random.uniform(0.5, 1.0))
                pause = min(pause * 2, 16)
            with self.lock:
                self.given_up += 1
            return None
        finally:
            with self.lock:
                self.pending -= 1


def page_traffic(paths: list[str], stop: threading.Event, outage: threading.Event, log):
    while not stop.is_set():
        status, _ = http("GET", random.choice(paths))
        log.append(("outage" if outage.is_set() else "normal", status))
        time.sleep(0.02)


def database_totals(env: dict) -> dict[int, int]:
    code = (
        "import json; from analytics.models import ViewTotal;"
        "print(json.dumps(dict(ViewTotal.objects.values_list('article_id','views'))))"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {int(k): v for k, v in json.loads(out.strip().splitlines()[-1]).items()}


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="newsroom-outage-"))
    redis = Redis(folder)
    redis.start()
    env = {
        **os.environ,
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "outage-" + "k" * 50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "NEWSROOM_TRUSTED_PROXIES": "1",
        "ANALYTICS_FLUSH_SECONDS": "5",
    }
    venv = ROOT / ".venv" / "bin"
    web_command = [venv / "gunicorn", "newsroom.wsgi", "--workers", "2"]
    web_command += ["--bind", f"127.0.0.1:{WEB_PORT}"]
    worker_command = [venv / "celery", "-A", "newsroom", "worker", "-B"]
    worker_command += ["--loglevel=WARNING", "--schedule", str(folder / "beat")]
    with (
        open(folder / "web.log", "w") as web_log,
        open(folder / "worker.log", "w") as worker_log,
    ):
        web = subprocess.Popen(
            web_command, cwd=ROOT, env=env, stdout=web_log, stderr=web_log
        )
        worker = subprocess.Popen(
            worker_command, cwd=ROOT, env=env, stdout=worker_log, stderr=worker_log
        )
        try:
            run(env, redis, web)
        finally:
            for process in (web, worker):
                process.send_signal(signal.SIGTERM)
            for process in (web, worker):
                process.wait(timeout=30)
            redis.kill()


def run(env: dict, redis: Redis, web: subprocess.Popen) -> None:
    until(lambda: http("GET", "/")[0] == 200)
    front = http("GET", "/")[1].decode()
    story_paths = sorted(set(re.findall(r'href="(/news/\d+/[^"/]+/)"', front)))[:8]
    section_paths = sorted(set(re.findall(r'href="(/section/[^"/]+/)"', front)))[:4]
    stories = []
    for path in story_paths:
        page = http("GET", path)[1].decode()
        tag = re.search(r'data-views-for="(\d+)" data-token="([^"]+)"', page)
        stories.append({"id": int(tag[1]), "token": tag[2], "path": path})
    before = database_totals(env)
    beacons = Beacons(stories)
    stop, outage = threading.Event(), threading.Event()
    pages: list = []
    walkers = [
        threading.Thread(
            target=page_traffic,
            args=(["/", *story_paths, *section_paths], stop, outage, pages),
        )
        for _ in range(2)
    ]
    for walker in walkers:
        walker.start()
    readers = iter(range(1, 10**6))
    threads = []

    def beacons_for(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            n = next(readers)
            address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
            thread = threading.Thread(
                target=beacons.send, args=(random.choice(stories), address)
            )
            thread.start()
            threads.append(thread)
            time.sleep(1 / BEACONS_PER_SECOND)

    # The 50 readers who will come back after a web process restarts.
    returning = [f"172.16.0.{n}" for n in range(1, 51)]
    first_visit = [beacons.send(stories[0], address) for address in returning]
    beacons_for(BEFORE_SECONDS)
    redis.kill()
    outage.set()
    beacons_for(OUTAGE_SECONDS)
    redis.start()
    outage.clear()
    beacons_for(AFTER_SECONDS)
    until(lambda: beacons.pending == 0, seconds=300)
    stop.set()
    for thread in [*walkers, *threads]:
        thread.join()

    # One web worker killed and respawned by gunicorn; the returning readers again.
    workers = subprocess.run(
        ["pgrep", "-P", str(web.pid)], capture_output=True, text=True
    ).stdout.split()
    os.kill(int(workers[0]), signal.SIGKILL)
    until(
        lambda: (
            len(
                subprocess.run(
                    ["pgrep", "-P", str(web.pid)], capture_output=True, text=True
                ).stdout.split()
            )
            == 2
            and http("GET", "/")[0] == 200
        )
    )
    second_visit = []
    for _round in range(4):  # enough requests to reach the new process too
        second_visit += [beacons.send(stories[0], address) for address in returning]
    twice = sum(1 for counted in second_visit if counted)

    expected = {pk: before.get(pk, 0) + n for pk, n in beacons.acknowledged.items()}

    def flushed() -> bool:
        after = database_totals(env)
        return all(after.get(pk, 0) >= views for pk, views in expected.items())

    until(flushed, seconds=120)
    time.sleep(6)  # one more flush interval: anything counted twice would show now
    after = database_totals(env)
    in_database = sum(after.get(pk, 0) - before.get(pk, 0) for pk in expected)
    acknowledged = sum(beacons.acknowledged.values())
    by_status = collections.Counter(
        status for phase, status in pages if phase == "outage"
    )
    overall = collections.Counter(status for _phase, status in pages)
    print(f"outage: Redis killed for {OUTAGE_SECONDS:.0f} s under traffic")
    print(
        f"  reader pages during the outage by status: {dict(sorted(by_status.items()))}"
    )
    print(
        f"  reader pages over the whole run by status: {dict(sorted(overall.items()))}"
    )
    print(
        f"  beacons sent: {next(readers) - 1} readers + 50 returning, "
        f"refused at first: {beacons.refused_first}, "
        f"later counted by a retry: {beacons.counted_by_retry}, "
        f"given up: {beacons.given_up}"
    )
    print(
        f"  views acknowledged: {acknowledged}, in PostgreSQL: {in_database}, "
        f"lost: {acknowledged - in_database}"
    )
    print(
        f"  returning readers counted on their first visit: {sum(map(bool, first_visit))} of 50; "
        f"counted again after a web process restart: {twice} of 50"
    )


if __name__ == "__main__":
    main()
