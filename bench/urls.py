"""The bench's URLconf: the project's URLs plus `bench_floor`, a page's floor served through the same stack.

A page's floor (bench/cases.py, decision 0019) is the raw SQL of the rows it shows, serialised to JSON, answered by
this view through the same test client, session, authentication and middleware as the page. Only `make bench` and
`python -m bench.bagian` use it (`override_settings(ROOT_URLCONF="bench.urls")`); the project never routes here.
"""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


@login_required
def bench_floor(request, nama: str):
    """The statements `FLOORS[nama]` run for each `?id=` and their rows as JSON."""
    from bench.cases import FLOORS

    rows = []
    with connection.cursor() as cursor:
        for pk in request.GET.getlist("id"):
            for sql in FLOORS[nama]:
                cursor.execute(sql, [int(pk)])
                rows.append(cursor.fetchall())
    return JsonResponse({"rows": rows})


urlpatterns = [path("bench/floor/<str:nama>/", bench_floor, name="bench_floor"), *project_urlpatterns]
