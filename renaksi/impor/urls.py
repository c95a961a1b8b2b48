from django.urls import path

from . import views

urlpatterns = [
    path("impor/", views.import_upload, name="import_upload"),
    path("impor/<str:token>/", views.import_preview, name="import_preview"),
    path("impor/<str:token>/jenis/", views.import_jenis, name="import_jenis"),
    path("impor/<str:token>/konfirmasi/", views.import_confirm, name="import_confirm"),
    path("impor/<str:token>/batal/", views.import_cancel, name="import_cancel"),
    path("rencana-aksi/<int:pk>/ekspor-monev/", views.plan_export_monev, name="plan_export_monev"),
]
