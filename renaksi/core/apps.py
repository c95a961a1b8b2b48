from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_cache_table(sender, using="default", **kwargs) -> None:
    """`renaksi migrate` also creates the database cache's table (settings: CACHES), once per run: app servers
    share their cache through the database unless REDIS_URL points to Redis (decision 0009)."""
    if sender.name != "django.contrib.sessions":
        return
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "renaksi.core"
    label = "core"
    verbose_name = _("Inti")

    def ready(self) -> None:
        post_migrate.connect(_create_cache_table, dispatch_uid="renaksi.core.cache_table")
