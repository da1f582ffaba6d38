"""Answering the view-counting beacon early."""

from django.urls import get_script_prefix, reverse

from .views import hit


class HitMiddleware:
    """
    Answer the story pages' beacon before the rest of the middleware runs.

    The hit endpoint reads no session, user, message or language and sets no cookie
    (it is exempt from CSRF for that reason), yet those layers cost more CPU per
    request than counting the view does. So this middleware sits right after the
    security and static-file middleware (HTTPS redirect and security headers still
    apply) and hands the beacon straight to the view. The URL stays in the URLconf
    too, so `reverse("analytics:hit")` works and nothing changes without it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = "/" + reverse("analytics:hit").removeprefix(get_script_prefix())

    def __call__(self, request):
        if request.path_info != self.path:
            return self.get_response(request)
        request.get_host()  # ALLOWED_HOSTS still applies (CommonMiddleware is skipped)
        return hit(request)
