from django.urls import path

from . import views

urlpatterns = [path("rencana-aksi/<int:pk>/dokumen/", views.ra_document, name="ra_document")]
