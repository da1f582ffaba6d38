"""
Bench-only URLs next to the site's: the floor (alone, and with one Redis round
trip), the story page rendered on every request (the site's own story URL serves
it from the reader page cache), and the naive way of counting.
"""

from django.db.models import F
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from analytics.models import ViewTotal
from analytics.stores import get_store
from articles.views import article_detail


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
    # The story view without the reader page cache around it.
    path("bench/uncached/news/<int:pk>/<str:slug>/", article_detail.__wrapped__),
    path("", include("newsroom.urls")),
]
