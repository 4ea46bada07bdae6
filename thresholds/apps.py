from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ThresholdsConfig(AppConfig):
    name = "thresholds"
    verbose_name = "Threshold content"

    def ready(self) -> None:
        from thresholds import signals  # noqa: F401  (refreshes the page cache on edits)

        # After every app migrates (each adds its permissions), so the group gets them all.
        post_migrate.connect(_ensure_lead_group, dispatch_uid="ensure-lead-group")


def _ensure_lead_group(**kwargs) -> None:
    from thresholds.services import ensure_lead_group

    ensure_lead_group()
