"""The flow's forms: the area to start in, and one radio question per page. GET only."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.html import escape

from portal.forms import BaseForm
from referrals.answers import UNSURE, BadAnswer, parse_level
from referrals.models import Checklist


class StartForm(BaseForm):
    area = forms.ChoiceField(
        widget=forms.RadioSelect,
        label="Where does the child live?",
        error_messages={"required": "Select where the child lives", "invalid_choice": "Select where the child lives"},
    )
    level = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, checklists: list[Checklist], **kwargs):
        super().__init__(*args, **kwargs)
        self.checklists = {c.partnership.slug: c for c in checklists}
        self.fields["area"].choices = [Choice(c.partnership.slug, c.partnership.area, hint=c.name) for c in checklists]

    def layout_fields(self) -> list:
        return [Field.radios("area", legend_size=Size.MEDIUM, legend_tag="h2"), "level"]

    def clean(self):
        data = super().clean()
        if any(len(self.data.getlist(name)) > 1 for name in ("area", "level")):
            raise forms.ValidationError("This link gives more than one area or level. Select where the child lives and continue.")
        checklist = self.checklists.get(data.get("area"))
        if checklist and data.get("level"):
            numbers = list(checklist.partnership.frameworks.values_list("levels__number", flat=True))
            try:
                data["level"] = parse_level(data["level"], numbers)
            except BadAnswer:
                raise forms.ValidationError(
                    f"The level in this link is not one of {checklist.partnership.area}'s levels. Select where the child lives and continue: you will be asked for the level."
                ) from None
        else:
            data["level"] = None
        return data


class QuestionForm(BaseForm):
    """One question with radio answers; its words come from the checklist."""

    def __init__(self, *args, name: str, question: str, hint: str, choices: list, error: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name
        # crispy-forms-gds prints labels and hints unescaped: the content is escaped here.
        self.fields[name] = forms.ChoiceField(
            choices=choices,
            widget=forms.RadioSelect,
            label=escape(question),
            help_text=escape(hint),
            error_messages={"required": error, "invalid_choice": error},
        )

    def layout_fields(self) -> list:
        return [Field.radios(self.name, legend_size=Size.LARGE, legend_tag="h1")]


def danger_form(data, item) -> QuestionForm:
    choices = [Choice(o.value, o.label) for o in item.options.all()]
    return QuestionForm(data, name="danger", question=item.question, hint=item.text, choices=choices, error="Select yes if the child is in immediate danger")


def level_form(data, item, levels) -> QuestionForm:
    choices = [Choice(str(level.number), level.name, hint=level.summary) for level in levels]
    if choices:
        choices[-1].divider = "or"
    choices.append(Choice(UNSURE, "I'm not sure"))
    return QuestionForm(data, name="level", question=item.question, hint=item.text, choices=choices, error="Select the level of need, or I'm not sure")


def family_form(data, item) -> QuestionForm:
    choices = [Choice(o.value, o.label) for o in item.options.all()]
    return QuestionForm(data, name="family", question=item.question, hint=item.text, choices=choices, error="Select an answer about the family")
