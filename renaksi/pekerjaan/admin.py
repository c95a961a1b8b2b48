"""The database queue's own rows (django-tasks-db) stay out of the admin: a job is followed on the Pekerjaan page,
with the rights of its owner and his admin pemda; the queue rows carry the parameters of everybody's jobs."""

from django.contrib import admin
from django_tasks_db.models import DBTaskResult

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
