from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def ra_document(request, pk: int):  # replaced by the RA document page
    return HttpResponse("dokumen")
