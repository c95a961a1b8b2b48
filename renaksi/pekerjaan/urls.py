from django.urls import path

from . import views

urlpatterns = [
    path("pekerjaan/", views.daftar, name="pekerjaan_daftar"),
    path("pekerjaan/<int:pk>/", views.detail, name="pekerjaan_detail"),
    path("pekerjaan/<int:pk>/unduh/", views.unduh, name="pekerjaan_unduh"),
    path("pekerjaan/<int:pk>/ulangi/", views.ulangi, name="pekerjaan_ulangi"),
]
