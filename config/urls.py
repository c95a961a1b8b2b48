from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Administrasi Renaksi")
admin.site.site_title = _("Administrasi Renaksi")
admin.site.index_title = _("Data induk dan pengguna")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("renaksi.urls")),
]
