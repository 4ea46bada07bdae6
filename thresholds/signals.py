"""Any saved or deleted content refreshes the public page cache once the change commits."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.cache import bump_content_version

CONTENT_APPS = {"thresholds", "hubs", "referrals"}


def _content_changed(sender, **kwargs) -> None:
    if sender._meta.app_label in CONTENT_APPS and not sender.__name__.startswith("Historical"):
        transaction.on_commit(bump_content_version)


post_save.connect(_content_changed, dispatch_uid="content-saved")
post_delete.connect(_content_changed, dispatch_uid="content-deleted")
m2m_changed.connect(_content_changed, dispatch_uid="content-m2m")
