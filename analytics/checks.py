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
