"""Index every story for search again: after a bulk import or a stemmer change."""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from articles.search import search_install, search_rebuild


class Command(BaseCommand):
    help = (
        "Index every story for search again, in every state and edition: after "
        "stories were written past the services (a bulk import, an UPDATE), or "
        "when the stemming has changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say how many stories would be indexed and change nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        if dry_run:
            count = Article.objects.count()
            self.stdout.write(f"Would index {count} stories.")
            return
        with transaction.atomic():
            search_install()
            count = search_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} stories."))
