from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def import_upload(request):  # replaced by the upload page
    return HttpResponse("impor")
