from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("rencana-aksi/<int:pk>/", views.plan_editor, name="plan_editor"),
]
