"""The project's URLs without the checker's: the editor must render without its findings panel."""

from django.urls import include, path

urlpatterns = [
    path("", include("renaksi.accounts.urls")),
    path("", include("renaksi.perencanaan.urls")),
    path("", include("renaksi.laporan.urls")),
]
