from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import RedirectView

from articles import views as reader_views
from articles.cache import cache_reader_page
from articles.sitemaps import sitemaps
from newsroom.views import csp_report, favicon, media

handler400 = "newsroom.views.bad_request"
handler403 = "newsroom.views.permission_denied"
handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"


def desk_name() -> str:
    return gettext("%(name)s desk") % {"name": settings.NEWSROOM_NAME}


# Lazy, so that each request gets the header in its own language, not the one
# active when this module was imported.
admin.site.site_header = lazy(desk_name, str)()
admin.site.site_title = admin.site.site_header
admin.site.index_title = gettext_lazy("Stories, photos and readers' reports")
# The app list beside every page took a quarter of the width from the story list,
# whose last columns then fell out of view; the desk's home page lists the same.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    # Error reports were in the articles app; links in e-mail the desk already
    # has keep working.
    re_path(
        r"^admin/articles/errorreport/(?P<rest>.*)$",
        RedirectView.as_view(
            url="/admin/reports/errorreport/%(rest)s", query_string=True
        ),
    ),
    path("admin/", admin.site.urls),
    path("analytics/", include("analytics.urls")),
    # The sitemap index and its sections (articles/sitemaps.py), and robots.txt
    # naming them; cached like reader pages, and made stale with them.
    path(
        "sitemap.xml",
        cache_reader_page(sitemap_views.index),
        {"sitemaps": sitemaps(), "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<str:section>.xml",
        cache_reader_page(sitemap_views.sitemap, reads=["p"]),
        {"sitemaps": sitemaps(), "template_name": "sitemaps/sitemap.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", reader_views.robots_txt, name="robots-txt"),
    path("csp-report/", csp_report, name="csp-report"),
    path("favicon.ico", favicon, name="favicon"),
    # Uploaded photos, typed by decoding them (newsroom/views.py); a front server
    # or object storage may serve MEDIA_URL instead with the same headers.
    path(settings.MEDIA_URL.lstrip("/") + "<path:path>", media, name="media"),
    path("", include("reports.urls")),
    # "/" sends a reader to their edition; the choice a language switcher makes
    # is saved on the way; the story addresses from before the editions answer
    # with a permanent redirect to the story in its edition.
    path("", reader_views.edition_home, name="edition-home"),
    path("edition/<str:language>/", reader_views.edition_choose, name="edition-choose"),
    path("news/<int:pk>/", reader_views.article_old_address),
    path("news/<int:pk>/<str:slug>/", reader_views.article_old_address),
]

# Every reader page, once per edition: /kk/, /ru/, /en/ (and /kk-latn/).
urlpatterns += i18n_patterns(
    path("", include("articles.urls")), prefix_default_language=True
)
