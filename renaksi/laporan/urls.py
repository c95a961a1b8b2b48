from django.urls import path

from . import views

urlpatterns = [
    path("rencana-aksi/<int:pk>/dokumen/", views.ra_document, name="ra_document"),
    path("rencana-aksi/<int:pk>/pohon-kinerja/", views.pohon_kinerja, name="pohon_kinerja"),
    path("rencana-aksi/<int:pk>/unduh/<slug:laporan>.<slug:format>", views.unduh, name="laporan_unduh"),
    path("rencana-aksi/<int:pk>/unduh/<slug:laporan>.<slug:format>/latar/", views.unduh_latar,
         name="laporan_unduh_latar"),
    # The Renaksi template (to fill in and import), blank or with a plan: the importer's URLs since the beginning.
    path("impor/templat/", views.import_template_blank, name="import_template_blank"),
    path("rencana-aksi/<int:pk>/ekspor-templat/", views.plan_export_template, name="plan_export_template"),
    path("laporan/bundel-pemda/", views.bundel_pemda, name="laporan_bundel_pemda"),
]
