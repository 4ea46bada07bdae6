"""Forms for the need-table filters and search (GET forms: nothing is stored)."""

from django import forms

from portal.content.schema import ID_PATTERN
from portal.forms import BaseForm

from thresholds.models import Domain, Framework, Level


class TableFilterForm(BaseForm):
    level = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="Level")
    domain = forms.ChoiceField(required=False, label="Domain")

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", "All levels")] + [(lv.number, lv.name) for lv in framework.levels.all()]
        self.fields["domain"].choices = [("", "All domains")] + [(d.key, d.name) for d in framework.domains.all()]
        self.fields["level"].error_messages["invalid_choice"] = "Choose a level from the list"
        self.fields["domain"].error_messages["invalid_choice"] = "Choose a domain from the list"

    def clean_domain(self) -> str | None:
        return self.cleaned_data["domain"] or None


class SearchForm(BaseForm):
    q = forms.CharField(
        label="Search the indicators of both areas",
        max_length=200,
        error_messages={"required": "Enter words to search for", "max_length": "Search words must be 200 characters or fewer"},
    )
    framework = forms.ChoiceField(required=False, label="Area")
    level = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="Level")
    domain = forms.ChoiceField(required=False, label="Domain")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        frameworks = list(Framework.objects.select_related("partnership"))
        self.fields["framework"].choices = [("", "Both areas")] + [(f.slug, f"{f.partnership.area}: {f.name}") for f in frameworks]
        numbers = sorted(set(Level.objects.values_list("number", flat=True)))
        self.fields["level"].choices = [("", "All levels")] + [(n, f"Level {n}") for n in numbers]
        # Domains belong to one framework: offer those of the chosen area (or of the domain
        # given), so the list stays short however many frameworks the portal holds.
        # (Only well-formed ids are looked up: PostgreSQL refuses some characters, such as NUL.)
        framework, domain = self.data.get("framework", ""), self.data.get("domain", "")
        chosen = framework if ID_PATTERN.match(framework) else None
        if not chosen and ID_PATTERN.match(domain):
            chosen = Domain.objects.filter(key=domain).values_list("framework__slug", flat=True).first()
        domains = Domain.objects.select_related("framework__partnership").filter(framework__slug=chosen) if chosen else Domain.objects.none()
        self.fields["domain"].choices = [("", "All domains")] + [(d.key, f"{d.framework.partnership.area}: {d.name}") for d in domains]
        self.fields["domain"].help_text = "Choose an area to filter by its domains."
        for name in ("framework", "level", "domain"):
            self.fields[name].error_messages["invalid_choice"] = f"Choose a {self.fields[name].label.lower()} from the list"

    def clean_q(self) -> str:
        q = self.cleaned_data["q"].strip()
        if not any(ch.isalnum() for ch in q):
            raise forms.ValidationError("Enter words to search for, using letters or numbers")
        return q

    def clean_framework(self) -> str | None:
        return self.cleaned_data["framework"] or None

    def clean_domain(self) -> str | None:
        return self.cleaned_data["domain"] or None


class DangerForm(BaseForm):
    danger = forms.ChoiceField(
        label="Is the child in immediate danger?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the child is in immediate danger", "invalid_choice": "Select yes or no"},
    )

    def layout_fields(self) -> list:
        from crispy_forms_gds.layout import Field, Size

        return [Field.radios("danger", legend_size=Size.EXTRA_LARGE, legend_tag="h1")]


class AreaForm(BaseForm):
    area = forms.ChoiceField(
        label="Where does the child live?",
        widget=forms.RadioSelect,
        help_text="The guidance and the people to contact depend on where the child lives.",
        error_messages={"required": "Select where the child lives", "invalid_choice": "Select one of the areas listed"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [(fw.slug, fw.partnership.area) for fw in Framework.objects.select_related("partnership")]

    def layout_fields(self) -> list:
        from crispy_forms_gds.layout import Field, Size

        return [Field.radios("area", legend_size=Size.EXTRA_LARGE, legend_tag="h1")]
