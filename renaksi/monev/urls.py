from django.urls import path

from . import views

urlpatterns = [
    path("rencana-aksi/<int:pk>/monev/", views.monev_start, name="monev_start"),
    path("rencana-aksi/<int:pk>/monev/<int:tw>/", views.monev_form, name="monev_form"),
    path("rencana-aksi/<int:pk>/monev/<int:tw>/<str:jenis>/<int:bagian_id>/", views.monev_bagian,
         name="monev_bagian"),
    path("monev/indikator/<int:indikator_id>/", views.indikator_detail, name="monev_indikator"),
    path("monev/indikator/<int:indikator_id>/tw/<int:tw>/", views.indikator_save, name="monev_indikator_save"),
    path("monev/indikator/<int:indikator_id>/tw/<int:tw>/bukti/", views.bukti_add, name="monev_bukti_add"),
    path("monev/tindak-lanjut/<int:tl_id>/tw/<int:tw>/", views.tindak_lanjut_save, name="monev_tindak_lanjut_save"),
    path("monev/sub-kegiatan/<int:sub_kegiatan_id>/tw/<int:tw>/", views.anggaran_save, name="monev_anggaran_save"),
    path("monev/aksi/<int:aksi_id>/tw/<int:tw>/", views.progres_save, name="monev_progres_save"),
    path("monev/bukti/<int:bukti_id>/", views.bukti_download, name="monev_bukti_download"),
    path("monev/bukti/<int:bukti_id>/hapus/", views.bukti_delete, name="monev_bukti_delete"),
    path("monev/jendela/", views.jendela_list, name="monev_jendela"),
    path("monev/jendela/<int:tahun>/<int:tw>/", views.jendela_set, name="monev_jendela_set"),
]
