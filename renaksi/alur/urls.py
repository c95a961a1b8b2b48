from django.urls import path

from . import views

urlpatterns = [
    path("rencana-aksi/<int:pk>/alur/", views.alur_rencana_aksi, name="alur_rencana_aksi"),
    path("rencana-aksi/<int:pk>/alur/<slug:langkah>/", views.alur_rencana_aksi_langkah,
         name="alur_rencana_aksi_langkah"),
    path("rencana-aksi/<int:pk>/monev/<int:tw>/alur/", views.alur_laporan, name="alur_laporan"),
    path("rencana-aksi/<int:pk>/monev/<int:tw>/alur/<slug:langkah>/", views.alur_laporan_langkah,
         name="alur_laporan_langkah"),
    path("notifikasi/", views.notifikasi, name="notifikasi"),
    path("notifikasi/jumlah/", views.notifikasi_jumlah, name="notifikasi_jumlah"),
]
