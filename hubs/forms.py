"""The contacts directory's filters (a GET form: nothing is stored)."""

from django import forms

from hubs.models import Contact
from portal.forms import BaseForm
from thresholds.models import Partnership

AUDIENCE_CHOICES = [
    ("", "Anyone"),
    (Contact.Audience.FAMILIES, "Families, children and young people"),
    (Contact.Audience.PRACTITIONERS, "People who work with children"),
]


class ContactFilterForm(BaseForm):
    area = forms.ChoiceField(required=False, label="Area")
    kind = forms.ChoiceField(required=False, label="Type of contact")
    audience = forms.ChoiceField(required=False, label="Who it is for", choices=AUDIENCE_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "Both areas")] + [(p.slug, p.area) for p in Partnership.objects.all()]
        self.fields["kind"].choices = [("", "All types")] + list(Contact.Kind.choices)
        self.fields["area"].error_messages["invalid_choice"] = "Choose an area from the list"
        self.fields["kind"].error_messages["invalid_choice"] = "Choose a type of contact from the list"
        self.fields["audience"].error_messages["invalid_choice"] = "Choose who the contact is for from the list"

    def filters(self) -> dict[str, str | None]:
        """The filters to apply: the valid ones only, so a bad value in one field still
        shows the contacts the other fields ask for (with the error above them)."""
        if not self.is_bound:
            return {"area": None, "kind": None, "audience": None}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in ("area", "kind", "audience")}
