"""Requests through the WSGI application as gunicorn runs it, not the test client.

Django's test client builds its requests itself, past the project's request class
(newsroom/middleware.py), and could not send some of what an attacker can:
a charset Python knows but cannot decode with, a Host header of any shape.
"""

import io
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from newsroom.middleware import NewsroomWSGIHandler


@dataclass
class Answer:
    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""


@contextmanager
def wsgi_app():
    """The project's WSGI handler; database connections stay open, as the test client keeps them."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield NewsroomWSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(
    app,
    method="GET",
    path="/",
    query=b"",
    headers=None,
    body=b"",
    remote_addr="203.0.113.9",
) -> Answer:
    """One request as raw bytes (path and query as a server hands them over)."""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        # PEP 3333: the path arrives as latin-1 text standing for the raw bytes.
        "PATH_INFO": path if isinstance(path, str) else path.decode("latin-1"),
        "QUERY_STRING": query.decode("latin-1") if isinstance(query, bytes) else query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": remote_addr,
        "HTTP_HOST": "testserver",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        environ[key] = value
    answer = Answer(status=0)

    def start_response(status, response_headers, exc_info=None):
        answer.status = int(status.split(" ", 1)[0])
        answer.headers = dict(response_headers)

    result = app(environ, start_response)
    try:
        answer.body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    return answer
