from django.urls import path

from . import feeds, views
from .cache import cache_reader_page

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front-page"),
    path("search/", views.search, name="search"),
    path("feed/", cache_reader_page(feeds.LatestStoriesFeed()), name="feed"),
    path("section/<slug:slug>/", views.section_detail, name="section-detail"),
    path("tag/<str:slug>/", views.tag_detail, name="tag-detail"),
    path("news/<int:pk>/", views.article_detail, name="article-short"),
    path("news/<int:pk>/<str:slug>/", views.article_detail, name="article-detail"),
    path("preview/<str:token>/", views.article_preview, name="article-preview"),
]
