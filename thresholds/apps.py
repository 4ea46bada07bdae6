from django.apps import AppConfig


class ThresholdsConfig(AppConfig):
    name = "thresholds"
    verbose_name = "Threshold content"

    def ready(self) -> None:
        from thresholds import signals  # noqa: F401  (refreshes the page cache on edits)
