from django.urls import path

from . import views

urlpatterns = [
    path("rencana-aksi/<int:pk>/riwayat/", views.riwayat_rencana, name="riwayat_rencana"),
    path("riwayat/<str:jenis>/<int:pk>/", views.riwayat_baris, name="riwayat_baris"),
    path("rencana-aksi/<int:pk>/catatan/", views.catatan_panel, name="catatan_panel"),
    path("catatan/baris/<str:jenis>/<int:pk>/", views.catatan_baris, name="catatan_baris"),
    path("catatan/<int:catatan_id>/balas/", views.catatan_balas, name="catatan_balas"),
    path("catatan/<int:catatan_id>/<str:aksi>/", views.catatan_status, name="catatan_status"),
]
