"""Writes outside the content importer: the safeguarding leads' group and accounts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from thresholds.models import LeadProfile, Partnership

LEAD_GROUP = "Safeguarding leads"
# The content a lead edits (their own partnership's rows only: see thresholds/admin.py).
LEAD_MODELS = {
    "thresholds": ["framework", "sourcedocument", "level", "leveltext", "domain", "outcomearea", "indicator", "term"],
    "hubs": ["contact", "phone", "openingrule", "callrota"],
    "referrals": ["checklist", "checklistitem", "checklistoption", "guidancepage", "guidancesection"],
}


def ensure_lead_group() -> Group:
    """The group every lead belongs to, with add/change/delete/view on the content models."""
    group, _ = Group.objects.get_or_create(name=LEAD_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label__in=LEAD_MODELS,
    )
    wanted = [p for p in permissions if p.content_type.model in LEAD_MODELS[p.content_type.app_label]]
    group.permissions.set(wanted)
    return group


def create_lead(*, username: str, password: str, partnership: Partnership, email: str = ""):
    """A staff account for a safeguarding lead of one partnership."""
    user = get_user_model().objects.create_user(username=username, password=password, email=email, is_staff=True)
    user.groups.add(ensure_lead_group())
    LeadProfile.objects.create(user=user, partnership=partnership)
    return user
