from django.urls import include, path

urlpatterns = [
    path("", include("renaksi.accounts.urls")),
    path("", include("renaksi.perencanaan.urls")),
    path("", include("renaksi.laporan.urls")),
    path("", include("renaksi.impor.urls")),
    path("", include("renaksi.pemeriksaan.urls")),
    path("", include("renaksi.monev.urls")),
    path("", include("renaksi.dasbor.urls")),
    path("", include("renaksi.alur.urls")),
    path("", include("renaksi.riwayat.urls")),
    path("", include("renaksi.pekerjaan.urls")),
]
