"""Which requests are a reader reading: crawlers, headless browsers and prefetches are not."""

from crawlerdetect import CrawlerDetect
from django.conf import settings

# One detector per process: it keeps a cache of the user agents it has judged.
_crawlers = CrawlerDetect()

# Headers with which browsers and proxies mark speculative loads (prefetch,
# prerender, link previews): nobody has read anything yet.
SPECULATIVE_HEADERS = {
    "HTTP_SEC_PURPOSE": ("prefetch", "prerender"),
    "HTTP_PURPOSE": ("prefetch", "preview"),
    "HTTP_X_PURPOSE": ("prefetch", "preview"),
    "HTTP_X_MOZ": ("prefetch",),
}


def is_speculative(request) -> bool:
    for header, markers in SPECULATIVE_HEADERS.items():
        value = request.META.get(header, "").lower()
        if value and any(marker in value for marker in markers):
            return True
    return False


def is_crawler(user_agent: str) -> bool:
    """A crawler, by the maintained list of crawlerdetect; no user agent at all counts as one."""
    user_agent = user_agent.strip()[:512]
    return not user_agent or _crawlers.is_crawler(user_agent)


def is_reader(request, *, webdriver: bool) -> bool:
    """Whether a hit comes from a person's browser, as far as the request can tell."""
    if webdriver and not settings.ANALYTICS_COUNT_WEBDRIVER:
        return False
    if is_speculative(request):
        return False
    return not is_crawler(request.META.get("HTTP_USER_AGENT", ""))
