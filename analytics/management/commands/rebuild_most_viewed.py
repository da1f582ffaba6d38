"""Put the "Most viewed" rankings back into Redis from the database."""

from django.core.management.base import BaseCommand, CommandError

from analytics.services import most_viewed_rebuild
from analytics.stores import RedisCounterStore, get_store


class Command(BaseCommand):
    help = (
        'Rebuild the "Most viewed" rankings in Redis from the hourly and daily rows '
        "in the database. The flush does this by itself when Redis has lost them; "
        "this forces it. Scores are only raised, so running it again is harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say whether Redis has lost the rankings; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        store = get_store()
        if not isinstance(store, RedisCounterStore):
            raise CommandError(
                "The database counter store ranks from its rows; nothing to rebuild."
            )
        if dry_run:
            kept = store.redis.exists(store.rankings_key)
            state = "kept" if kept else "lost"
            self.stdout.write(
                f"Redis has {state} its rankings; they would be rebuilt "
                "from the database."
            )
            return
        result = most_viewed_rebuild(store=store, force=True)
        self.stdout.write(
            f"Rebuilt from {result.hours} hours and {result.days} days "
            f"of {result.stories} stories."
        )
