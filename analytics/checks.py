import redis
from django.conf import settings
from django.core import checks

from .stores import Window


@checks.register()
def analytics_settings(app_configs, **kwargs):
    """Catch a misspelt store or window at start-up, not on the first story page."""
    errors = []
    if settings.ANALYTICS_STORE not in {"redis", "database"}:
        errors.append(
            checks.Error(
                "ANALYTICS_STORE must be 'redis' or 'database'.", id="analytics.E001"
            )
        )
    elif settings.ANALYTICS_STORE == "redis" and not settings.ANALYTICS_REDIS_URL:
        errors.append(
            checks.Error(
                "The Redis counter store needs ANALYTICS_REDIS_URL.",
                id="analytics.E002",
            )
        )
    known = {window.value for window in Window}
    windows = settings.ANALYTICS_MOST_VIEWED_WINDOWS
    if not windows or not set(windows) <= known:
        errors.append(
            checks.Error(
                f"ANALYTICS_MOST_VIEWED_WINDOWS must name some of {sorted(known)}.",
                id="analytics.E003",
            )
        )
    return errors


@checks.register()
def counter_redis_keeps_views(app_configs, **kwargs):
    """
    The counter Redis holds views not yet in the database and the readers'
    dedupe keys: a server that evicts or does not persist loses them.
    """
    if settings.ANALYTICS_STORE != "redis" or not settings.ANALYTICS_REDIS_URL:
        return []
    client = redis.Redis.from_url(
        settings.ANALYTICS_REDIS_URL, socket_timeout=1, socket_connect_timeout=1
    )
    try:
        info = {**client.info("memory"), **client.info("persistence")}
    except redis.RedisError as error:
        return [
            checks.Warning(
                f"The counter Redis could not be asked how it keeps data: {error}",
                id="analytics.W001",
            )
        ]
    finally:
        client.close()
    found = []
    if info.get("maxmemory_policy") != "noeviction":
        found.append(
            checks.Warning(
                "The counter Redis evicts keys "
                f"(maxmemory-policy {info.get('maxmemory_policy')}): views not yet "
                "flushed and readers' dedupe keys can be lost.",
                hint="Give the counters a Redis with maxmemory-policy noeviction "
                "(deploy/redis/counters.conf), or a separate cache Redis "
                "(NEWSROOM_CACHE_REDIS_URL).",
                id="analytics.W002",
            )
        )
    if not info.get("aof_enabled"):
        found.append(
            checks.Warning(
                "The counter Redis does not keep an append-only file: a restart "
                "loses every view counted since the last flush, the dedupe keys "
                "and the rankings.",
                hint="appendonly yes, appendfsync everysec (deploy/redis/counters.conf).",
                id="analytics.W003",
            )
        )
    return found
