from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from renaksi.organisasi.admin import PemdaScopedAdmin

from .models import Pengakuan


@admin.register(Pengakuan)
class PengakuanAdmin(PemdaScopedAdmin, SimpleHistoryAdmin):
    """Read-only: acknowledgements are made from the findings panel, where the permission is checked."""

    pemda_lookup = "rencana_aksi__perangkat_daerah__pemda_id"
    list_display = ["rencana_aksi", "rule", "catatan", "oleh", "waktu"]
    list_filter = ["rule"]
    search_fields = ["catatan", "pesan"]
    readonly_fields = ["rencana_aksi", "rule", "lokasi", "nilai", "nilai_json", "pesan", "catatan", "oleh", "waktu"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
