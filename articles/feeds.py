from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .editions import current_edition
from .models import Article


class LatestStoriesFeed(Feed):
    link = reverse_lazy("articles:front-page")
    description = _("The latest stories.")

    def title(self):
        return settings.NEWSROOM_NAME

    @property
    def language(self):
        # The edition's language (<language>), not the Latin prefix's code.
        return current_edition()

    def items(self):
        return Article.objects.live().in_edition().select_related("section")[:30]

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
