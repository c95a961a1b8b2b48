from django.urls import path

from . import views

urlpatterns = [path("impor/", views.import_upload, name="import_upload")]
