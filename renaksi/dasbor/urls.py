from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/", views.dasbor_pemda, name="dasbor_pemda"),
    path("rencana-aksi/<int:pk>/dasbor/", views.dasbor_pd, name="dasbor_pd"),
]
