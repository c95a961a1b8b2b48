"""A busy database answers 503 with an Indonesian "coba lagi", for a page and for an htmx request alike."""

from __future__ import annotations

from django.shortcuts import render

from .db import database_busy, pesan_sibuk

RETRY_AFTER_SECONDS = 2


class DatabaseBusyMiddleware:
    """Turns a "database is locked" (or a PostgreSQL deadlock) that escaped a view into HTTP 503.

    htmx requests get the message as an alert retargeted to the editor's alert area (`#editor-alert`; editor.js
    swaps 503 there, renaksi.js shows a notice on other pages); other requests get the 503 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_busy(exception):
            return None
        message = pesan_sibuk()
        if getattr(request, "htmx", False):
            response = render(request, "core/_sibuk.html", {"message": message}, status=503)
            response["HX-Retarget"] = "#editor-alert"
            response["HX-Reswap"] = "innerHTML"
        else:
            response = render(request, "503.html", {"message": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
