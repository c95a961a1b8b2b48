from django.urls import path

from . import views

urlpatterns = [
    path("rencana-aksi/<int:pk>/pemeriksaan/", views.plan_findings, name="plan_findings"),
    path("rencana-aksi/<int:pk>/pemeriksaan/akui/", views.plan_finding_acknowledge, name="plan_finding_acknowledge"),
    path("rencana-aksi/<int:pk>/pemeriksaan/batal-akui/", views.plan_finding_unacknowledge,
         name="plan_finding_unacknowledge"),
]
