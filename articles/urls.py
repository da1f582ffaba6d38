from django.urls import path

from . import feeds, views
from .cache import cache_reader_page

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front-page"),
    path("search/", views.search, name="search"),
    path("feed/", cache_reader_page(feeds.StoriesFeed()), name="feed"),
    path("feed/atom/", cache_reader_page(feeds.StoriesAtomFeed()), name="feed-atom"),
    path("manifest.webmanifest", views.web_manifest, name="web-manifest"),
    path("section/<slug:slug>/", views.section_detail, name="section-detail"),
    path(
        "section/<slug:slug>/feed/",
        cache_reader_page(feeds.SectionFeed()),
        name="section-feed",
    ),
    path(
        "section/<slug:slug>/feed/atom/",
        cache_reader_page(feeds.SectionAtomFeed()),
        name="section-feed-atom",
    ),
    path("tag/<str:slug>/", views.tag_detail, name="tag-detail"),
    path("tag/<str:slug>/feed/", cache_reader_page(feeds.TagFeed()), name="tag-feed"),
    path(
        "tag/<str:slug>/feed/atom/",
        cache_reader_page(feeds.TagAtomFeed()),
        name="tag-feed-atom",
    ),
    path("news/<int:pk>/", views.article_detail, name="article-short"),
    path("news/<int:pk>/<str:slug>/", views.article_detail, name="article-detail"),
    path("preview/<str:token>/", views.article_preview, name="article-preview"),
]
