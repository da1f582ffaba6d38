"""
The smoke stage's checks (run by .ci/smoke in the fresh virtualenv).

Waits for the site, opens a story as a browser would, sends each of N distinct
readers' beacons twice, concurrently (the second must not count), waits for
Celery beat's flush, and asserts the exact new total in PostgreSQL and on the
story page. Python's standard library and the project's own models only.
"""

import concurrent.futures
import html
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BROWSER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)
TIMEOUT = 180  # seconds for the site to come up, and again for the flush


def get(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER_UA})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def until(what: str, check, seconds: float = TIMEOUT):
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = check()
        except OSError:
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            sys.exit(f"smoke: FAILED waiting for {what}")
        time.sleep(0.5)


def counter(page: str) -> dict:
    tag = re.search(r"<span class=\"views\"[^>]*>(\d*)</span>", page)
    if tag is None:
        sys.exit("smoke: FAILED: the story page has no view counter")
    attributes = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', tag[0]))
    return {**attributes, "shown": tag[1]}


def beacon(base: str, story: dict, address: str) -> dict | None:
    body = urllib.parse.urlencode({"a": story["views-for"], "t": story["token"]})
    request = urllib.request.Request(
        base + html.unescape(story["hit-url"]),
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": BROWSER_UA,
            "X-Forwarded-For": address,  # the one trusted proxy's word
            "Origin": base,
            "Sec-Fetch-Site": "same-origin",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main(base: str, readers: int) -> None:
    front = until("the site", lambda: (lambda s, t: s == 200 and t)(*get(base + "/")))
    # A story link, with or without an edition's prefix.
    path = re.search(r'href="((?:/[a-z]{2})?/news/\d+/[^"/]+/)"', front)[1]
    status, page = get(base + path)
    assert status == 200, status
    story = counter(page)
    before = int(story["shown"] or 0)
    # Addresses of this run only: a rerun within the dedupe window counts again.
    rng = random.Random()
    octets = rng.sample(range(1, 255 * 255), readers)
    addresses = [f"10.{rng.randrange(256)}.{n // 255}.{n % 255}" for n in octets]
    sends = addresses * 2
    rng.shuffle(sends)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda a: beacon(base, story, a), sends))
    counted = sum(answer["counted"] for answer in answers)
    print(f"smoke: story {path}: {len(sends)} beacons, {counted} counted, was {before}")
    assert counted == readers, (counted, readers)
    expected = before + readers

    import django

    django.setup()
    from analytics.models import ViewTotal

    def flushed():
        row = ViewTotal.objects.filter(article_id=int(story["views-for"])).first()
        return row is not None and row.views == expected

    until(f"PostgreSQL to hold {expected} views (the worker's flush)", flushed)
    until(
        f"the story page to show {expected}",
        lambda: counter(get(base + path)[1])["shown"] == str(expected),
    )
    print(f"smoke: OK: {expected} views in PostgreSQL and on the story page")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, os.getcwd())
    main(sys.argv[1].rstrip("/"), int(sys.argv[2]))
