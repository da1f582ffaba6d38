"""Give photos stored before the crops existed their crops (articles/photos.py, CROPS)."""

from django.core.management.base import BaseCommand

from articles.services import photo_renditions_backfill


class Command(BaseCommand):
    help = (
        "Make the renditions again of every photo that lacks one of the fixed-size "
        "crops: the 1200x630 picture of a shared link and the 16x9, 4x3 and 1x1 "
        "images of the story's NewsArticle data. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say how many photos lack a crop and change nothing.",
        )

    def handle(self, *args, dry_run, **options):
        photos = photo_renditions_backfill(dry_run=dry_run)
        verb = "would make" if dry_run else "made"
        self.stdout.write(
            f"{len(photos)} photo(s) lacked a crop: {verb} their renditions."
        )
