"""
Bench-only URLs next to the site's: the floor (alone, and with one Redis round
trip), the reader pages rendered on every request (story, front, section and tag
pages without the reader page cache around them, under each edition's prefix as
the site's own are), and the naive way of counting.
"""

from django.conf.urls.i18n import i18n_patterns
from django.db.models import F
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from analytics.models import ViewTotal
from analytics.stores import get_store
from articles import views as reader_views
from newsroom import urls as site_urls


@csrf_exempt
def bare(request):
    """The floor: Django's full middleware stack and nothing else (GET or POST)."""
    return HttpResponse(b"ok", content_type="text/plain")


@csrf_exempt
def bare_redis(request):
    """The floor plus one round trip to the counters' Redis (a PING)."""
    get_store().redis.ping()
    return HttpResponse(b"ok", content_type="text/plain")


@csrf_exempt
@require_POST
def naive_hit(request):
    """What most counters do: one UPDATE ... SET views = views + 1 per view."""
    ViewTotal.objects.filter(article_id=int(request.POST["a"])).update(
        views=F("views") + 1
    )
    return HttpResponse(status=204)


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-redis/", bare_redis),
    path("bench/naive-hit/", naive_hit),
    *site_urls.urlpatterns,
]

# The reader views without the reader page cache around them: every request is a
# cold render (what a page costs the first time, or after a change).
urlpatterns += i18n_patterns(
    path("bench/cold/", reader_views.front_page.__wrapped__),
    path("bench/cold/section/<slug:slug>/", reader_views.section_detail.__wrapped__),
    path("bench/cold/tag/<str:slug>/", reader_views.tag_detail.__wrapped__),
    path(
        "bench/cold/news/<int:pk>/<str:slug>/",
        reader_views.article_detail.__wrapped__,
    ),
    prefix_default_language=True,
)
