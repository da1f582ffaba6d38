"""Build the demo newsroom: sections, source agencies, stories, photos and an editor.

Everything comes from demo/newsroom.toml (demo/content.py) and is drawn locally
(demo/painter.py), so the command needs no download. The photos go through the
same pipeline as an editor's upload: checked by decoding, stored without
metadata, and given their renditions, so every demo story page serves srcset.
It is idempotent: sections, sources and stories are found by their natural keys
(slug, name, headline) and left as they are.
"""

import os
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleImage, Section, Source
from articles.photos import make_renditions, photo_clean_upload
from articles.roles import EDITOR, user_add_to_role
from articles.search import articles_search_index
from articles.services import photo_renditions_make
from demo import painter
from demo.content import DemoContentError, load_demo_newsroom

EDITOR_USERNAME = "editor"
DEFAULT_PASSWORD = "newsroom-demo"  # noqa: S105 (a documented demo login)
ADMIN_URL = "http://127.0.0.1:8000/admin/"
# Demo photos are stored this wide (960×640). The renditions of a hundred photos
# at full size (1600) took most of a minute of the first `make run`; at this
# width they take a few seconds, and every story page still has its srcset
# (480 and 960 wide, WebP and JPEG).
PHOTO_WIDTH = 960

# --- The command -------------------------------------------------------------------


def stable_number(text: str) -> int:
    """A number from `text` that is the same in every process, unlike hash()."""
    return zlib.crc32(text.encode())


class Command(BaseCommand):
    help = (
        "Build the demo newsroom: sections, source agencies, tags, the English, "
        "Kazakh and Russian editions' stories with drawn photos, and an 'editor' account in the Editor group. Needs no download. "
        "Safe to run again: only what is missing is created, and existing stories "
        "are left exactly as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be created, and create nothing.",
        )
        parser.add_argument(
            "--demo-editor",
            action="store_true",
            help=(
                "Create the demo editor account even with DEBUG off. Its password "
                "is known; never on a site that faces the internet."
            ),
        )

    def handle(self, *args, dry_run: bool = False, **options):
        try:
            self.content = load_demo_newsroom()
        except DemoContentError as error:
            raise CommandError(str(error)) from None
        self.dry_run = dry_run
        # A demo login with a published password exists only where DEBUG is on,
        # unless the operator asks for it by name.
        self.with_editor = settings.DEBUG or options.get("demo_editor", False)
        self.verbose = dry_run or options["verbosity"] >= 2
        self.created = dict.fromkeys(
            ["sections", "source agencies", "tags", "stories", "photos"], 0
        )
        self.saved_files: list[tuple] = []
        self.photos_to_add: list[tuple[Article, int, object]] = []
        self.password = None
        self.now = timezone.now()
        started = time.perf_counter()
        try:
            with transaction.atomic():
                sections = self.seed_sections()
                sources = self.seed_sources()
                tags = self.seed_tags()
                self.seed_stories(sections, sources, tags)
                self.seed_photos()
                editor_created = self.with_editor and self.seed_editor()
        except BaseException:
            # The rows are rolled back; the photo files written so far go too.
            for storage, name in self.saved_files:
                storage.delete(name)
            raise
        self.report(editor_created, time.perf_counter() - started)

    def note(self, message: str):
        if self.verbose:
            prefix = "Would create" if self.dry_run else "Created"
            self.stdout.write(f"{prefix} {message}")

    def seed_sections(self) -> dict:
        sections = {section.slug: section for section in Section.objects.all()}
        for data in self.content.sections:
            translated = {
                **{f"name_{lang}": name for lang, name in data.names.items()},
                **{f"slug_{lang}": slug for lang, slug in data.slugs.items()},
            }
            section = sections.get(data.slug)
            if section is not None:
                # A section from before the editions gets the names it lacks;
                # names an editor gave are kept.
                missing = {
                    k: v for k, v in translated.items() if not getattr(section, k)
                }
                if missing and not self.dry_run:
                    Section.objects.filter(pk=section.pk).update(**missing)
                continue
            self.created["sections"] += 1
            self.note(f"section {data.name!r}")
            if not self.dry_run:
                section = Section(
                    name=data.name, slug=data.slug, order=data.order, **translated
                )
                section.full_clean()
                section.save()
                sections[section.slug] = section
        return sections

    def seed_sources(self) -> dict:
        sources = {source.name: source for source in Source.objects.all()}
        for data in self.content.sources:
            if data.name in sources:
                continue
            self.created["source agencies"] += 1
            self.note(f"source agency {data.name!r}")
            if not self.dry_run:
                source = Source(
                    name=data.name, website=data.website, reuse_notice=data.reuse_notice
                )
                source.full_clean()
                source.save()
                sources[source.name] = source
        return sources

    def seed_tags(self) -> dict:
        tags = {tag.name: tag for tag in Tag.objects.filter(name__in=self.content.tags)}
        for name in self.content.tags:
            if name in tags:
                continue
            self.created["tags"] += 1
            self.note(f"tag {name!r}")
            if not self.dry_run:
                tags[name] = Tag.objects.create(name=name)
        return tags

    def seed_stories(self, sections: dict, sources: dict, tags: dict):
        headlines = [story.headline for story in self.content.stories]
        # Newest first, so that the oldest story wins if a headline was used twice.
        found = Article.objects.filter(headline__in=headlines).order_by("-pk")
        existing = {
            article.headline: article for article in found.prefetch_related("images")
        }
        created = []
        for story in self.content.stories:
            article = existing.get(story.headline)
            english = (
                existing.get(story.translation_of) if story.translation_of else None
            )
            if article is None:
                self.created["stories"] += 1
                self.note(
                    f"story {story.headline!r} ({story.language}, {story.section})"
                )
                if not self.dry_run:
                    article = self.create_story(story, sections, sources, tags, english)
                    existing[story.headline] = article  # its translations follow
                    created.append(article)
            elif article.images.all():
                continue  # an existing story keeps its photos, whatever they are
            else:
                self.note(f"photos for the existing story {story.headline!r}")
            self.created["photos"] += len(story.photos)
            if not self.dry_run:
                self.photos_to_add += [
                    (article, order, photo) for order, photo in enumerate(story.photos)
                ]
        articles_search_index(articles=created)  # in one go, as the desk would each

    def create_story(self, story, sections, sources, tags, english) -> Article:
        published_at = None
        if story.status == Article.Status.PUBLISHED:
            # A few minutes' offset per story, so that publish times do not all
            # share the minute at which the command ran.
            minutes = stable_number(story.headline) % 50
            published_at = self.now - timedelta(hours=story.hours_ago, minutes=minutes)
        article = Article(
            language=story.language,
            headline=story.headline,
            lead=story.lead,
            body=story.body,
            section=sections[story.section],
            source=sources[story.source] if story.source else None,
            byline=story.byline,
            status=story.status,
            published_at=published_at,
        )
        if english is not None:  # this edition's version of an English story
            article.translation_group = english.translation_group
        article.full_clean()
        article.save()
        article.tags.add(*(tags[name] for name in story.tags))
        return article

    def seed_photos(self):
        """
        Draw the photos and upload them as an editor's would be uploaded: checked
        and cleaned (photos.photo_clean_upload), stored, given their renditions.

        Drawing and resizing are most of the time; Pillow does both outside the
        interpreter lock, so they run on threads, one per core. Checking, storing
        and recording stay on this thread, in this transaction.
        """
        jobs = self.photos_to_add
        if not jobs:
            return
        seeds = [
            stable_number(f"{article.headline}#{order}") for article, order, _ in jobs
        ]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            drawn = list(
                pool.map(
                    lambda job, seed: painter.paint_photo(
                        job[2].scene, seed, width=PHOTO_WIDTH
                    ),
                    jobs,
                    seeds,
                )
            )
            uploads = [
                photo_clean_upload(
                    SimpleUploadedFile(
                        f"{article.slug}-{order + 1}.jpg", content, "image/jpeg"
                    )
                )
                for (article, order, _), content in zip(jobs, drawn, strict=True)
            ]
            renditions = list(
                pool.map(lambda upload: make_renditions(upload.read()), uploads)
            )
        for (article, order, photo), upload, made in zip(
            jobs, uploads, renditions, strict=True
        ):
            image = ArticleImage(
                article=article,
                caption=photo.caption,
                credit=photo.credit,
                alt_text=photo.alt_text,
                order=order,
            )
            upload.seek(0)
            image.image.save(upload.name, upload, save=False)
            self.saved_files.append((image.image.storage, image.image.name))
            image.full_clean()
            image.save()
            for rendition in photo_renditions_make(image=image, renditions=made):
                self.saved_files.append((image.image.storage, rendition["name"]))

    def seed_editor(self) -> bool:
        User = get_user_model()
        if User.objects.filter(username=EDITOR_USERNAME).exists():
            return False
        self.note(f"editor {EDITOR_USERNAME!r} (staff, in the Editor group)")
        if not self.dry_run:
            self.password = os.environ.get("NEWSROOM_DEMO_PASSWORD") or DEFAULT_PASSWORD
            user = User.objects.create_user(
                username=EDITOR_USERNAME,
                email=f"{EDITOR_USERNAME}@newsroom.example",
                password=self.password,
                is_staff=True,
            )
            user_add_to_role(user=user, role=EDITOR)
        return True

    def report(self, editor_created: bool, seconds: float):
        parts = [f"{count} {what}" for what, count in self.created.items() if count]
        if editor_created:
            parts.append(f"the {EDITOR_USERNAME!r} account")
        if len(parts) > 1:
            parts[-2:] = [f"{parts[-2]} and {parts[-1]}"]
        if not parts:
            self.stdout.write(
                self.style.SUCCESS(
                    "Nothing new to create: the demo newsroom is already in place."
                )
            )
        elif self.dry_run:
            self.stdout.write(
                f"Dry run: would create {', '.join(parts)}. Nothing was saved."
            )
            return
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Created {', '.join(parts)} in {seconds:.1f} s.")
            )
        if not self.with_editor:
            self.stdout.write(
                f"No demo editor account: DEBUG is off. Pass --demo-editor to create "
                f"{EDITOR_USERNAME!r} anyway, or create a real account with "
                "`manage.py createsuperuser`."
            )
            return
        if self.password is None:
            login = f"as {EDITOR_USERNAME!r} (the account existed: password unchanged)"
        elif os.environ.get("NEWSROOM_DEMO_PASSWORD"):
            # Set by the operator, who knows it; kept out of logs.
            login = (
                f"as {EDITOR_USERNAME!r} with the password in NEWSROOM_DEMO_PASSWORD"
            )
        else:
            login = f"as {EDITOR_USERNAME!r}, password {self.password!r}"
        self.stdout.write(f"Log in at {ADMIN_URL} {login}.")
