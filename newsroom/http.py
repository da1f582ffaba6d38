"""The one shape of every error a script reads: {"error": message[, "field": name]}."""

from django.http import JsonResponse


def json_error(message: str, *, status: int = 400, field: str = "") -> JsonResponse:
    """
    A 4xx (or 503) answer for the site's scripts: the beacon and the report
    dialog show `error` to the reader as it is, and `field` names the part of the
    request at fault when there is one. Never cached: it is about this request.
    """
    payload = {"error": str(message)}
    if field:
        payload["field"] = field
    response = JsonResponse(payload, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
