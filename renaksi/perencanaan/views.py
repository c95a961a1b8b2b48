from __future__ import annotations

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def home(request):
    plans = selectors.rencana_aksi_list_for_user(user=request.user)
    by_year = [(tahun, list(rows)) for tahun, rows in groupby(plans, key=lambda p: p.tahun)]
    return render(request, "perencanaan/home.html", {"by_year": by_year})


@login_required
def plan_editor(request, pk: int):  # replaced by the editor
    from django.http import HttpResponse

    return HttpResponse("editor")
