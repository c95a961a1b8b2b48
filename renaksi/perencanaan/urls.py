from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("rencana-aksi/<int:pk>/", views.plan_editor, name="plan_editor"),
    path("rencana-aksi/<int:pk>/bagian/<str:jenis>/<int:bagian_id>/", views.rencana_aksi_bagian,
         name="rencana_aksi_bagian"),
    path("rencana-aksi/<int:pk>/cari/", views.rencana_aksi_cari, name="rencana_aksi_cari"),
    path("rencana-aksi/<int:pk>/pengesahan/", views.pengesahan_edit, name="pengesahan_edit"),
    path("rencana-aksi/<int:pk>/perubahan/", views.rencana_aksi_perubahan, name="rencana_aksi_perubahan"),
    path("rencana-aksi/<int:pk>/banding/<int:other_pk>/", views.rencana_aksi_banding, name="rencana_aksi_banding"),
    # Rows of the editor: GET <row>/ is the display row (also "Batal"), <row>/ubah/ the form (GET) and save (POST).
    path("rencana-aksi/<int:pk>/sasaran/tambah/", views.sasaran_add, name="sasaran_add"),
    path("sasaran/<int:sasaran_id>/", views.sasaran_row, name="sasaran_row"),
    path("sasaran/<int:sasaran_id>/ubah/", views.sasaran_edit, name="sasaran_edit"),
    path("sasaran/<int:sasaran_id>/indikator/tambah/", views.indikator_add, name="indikator_add"),
    path("indikator/<int:indikator_id>/", views.indikator_row, name="indikator_row"),
    path("indikator/<int:indikator_id>/ubah/", views.indikator_edit, name="indikator_edit"),
    path("indikator/<int:indikator_id>/target/", views.target_edit, name="target_edit"),
    path("rencana-aksi/<int:pk>/program/tambah/", views.program_add, name="program_add"),
    path("program/<int:program_id>/", views.program_row, name="program_row"),
    path("program/<int:program_id>/ubah/", views.program_edit, name="program_edit"),
    path("program/<int:program_id>/kegiatan/tambah/", views.kegiatan_add, name="kegiatan_add"),
    path("kegiatan/<int:kegiatan_id>/", views.kegiatan_row, name="kegiatan_row"),
    path("kegiatan/<int:kegiatan_id>/ubah/", views.kegiatan_edit, name="kegiatan_edit"),
    path("kegiatan/<int:kegiatan_id>/sub-kegiatan/tambah/", views.sub_kegiatan_add, name="sub_kegiatan_add"),
    path("sub-kegiatan/<int:sub_kegiatan_id>/", views.sub_kegiatan_row, name="sub_kegiatan_row"),
    path("sub-kegiatan/<int:sub_kegiatan_id>/ubah/", views.sub_kegiatan_edit, name="sub_kegiatan_edit"),
    path("sub-kegiatan/<int:sub_kegiatan_id>/aksi/tambah/", views.aksi_add, name="aksi_add"),
    path("aksi/<int:aksi_id>/", views.aksi_row, name="aksi_row"),
    path("aksi/<int:aksi_id>/ubah/", views.aksi_edit, name="aksi_edit"),
    path("aksi/<int:aksi_id>/bulan/<int:bulan>/", views.aksi_toggle_bulan, name="aksi_toggle_bulan"),
    path("baris/<str:jenis>/<int:row_id>/pindah/<str:arah>/", views.row_move, name="row_move"),
    path("baris/<str:jenis>/<int:row_id>/hapus/", views.row_delete, name="row_delete"),
    path("nomenklatur/", views.nomenklatur_search, name="nomenklatur_search"),
    path("rencana-aksi/<int:pk>/narasi/", views.plan_narasi, name="plan_narasi"),
]
