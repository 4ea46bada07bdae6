"""Contacts: front doors, out-of-hours teams, Family Hubs, helplines, with their hours."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from thresholds.models import Partnership, SourcedItem, validate_level_numbers

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_NAMES = dict(zip(DAYS, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))

time_validator = RegexValidator(r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$", "Use a 24-hour time such as 08:30 (24:00 is midnight at the end of the day).")
days_validator = RegexValidator(r"^(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*$", "Use day names such as mon,tue,wed separated by commas.")


class Contact(SourcedItem):
    class Kind(models.TextChoices):
        FRONT_DOOR = "front_door", "Front door (safeguarding and early help)"
        OUT_OF_HOURS = "out_of_hours", "Out of hours"
        FAMILY_HUB = "family_hub", "Family Hub or children and family centre"
        INFORMATION_SERVICE = "information_service", "Information service"
        HELPLINE = "helpline", "Helpline"
        EMERGENCY = "emergency", "Emergency"
        SERVICE = "service", "Service"

    class Audience(models.TextChoices):
        FAMILIES = "families", "Families"
        PRACTITIONERS = "practitioners", "Practitioners"
        BOTH = "both", "Families and practitioners"

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="contacts")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    description = models.TextField(blank=True)
    emails = models.JSONField(default=list, blank=True, help_text='A list of email addresses, e.g. ["fis@example.gov.uk"].')
    websites = models.JSONField(default=list, blank=True, help_text='A list of {"url": ..., "label": ...}.')
    open_all_hours = models.BooleanField(default=False, help_text="Ticked for a 24-hour, every-day service.")
    hours_note = models.TextField(blank=True, help_text="The document's words about opening hours.")
    ages = models.CharField(max_length=200, blank=True)
    editorial_levels = models.JSONField(
        default=list, blank=True, help_text="Editorial: the level numbers this contact is shown on, e.g. [2, 3]."
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__area", "order"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("hubs:contact", kwargs={"key": self.key})

    def clean(self) -> None:
        try:
            validate_level_numbers(self.editorial_levels)
        except ValidationError as error:
            raise ValidationError({"editorial_levels": error.messages}) from error


class Phone(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=30, help_text="As the British write it, e.g. 024 7678 8555.")
    label = models.CharField(max_length=100, blank=True)
    options = models.JSONField(default=list, blank=True, help_text='Menu options: [{"key": 1, "label": "For existing cases"}].')
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contact", "order"]

    def __str__(self) -> str:
        return self.number


class OpeningRule(models.Model):
    """A weekly opening period in UK time: on these days, from opens to closes."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="hours")
    days = models.CharField(max_length=40, validators=[days_validator])
    opens = models.CharField(max_length=5, validators=[time_validator])
    closes = models.CharField(max_length=5, validators=[time_validator])
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contact", "order"]

    def __str__(self) -> str:
        return f"{self.days} {self.opens}-{self.closes}"

    def clean(self) -> None:
        # As the loader checks (hubs/content.py): a rule such as 17:00-08:30 would never
        # match, so "who to call right now" would silently never name this service.
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError(
                {"closes": f"Opens ({self.opens}) must be before closes ({self.closes}): split a period that runs past midnight into two."}
            )

    @property
    def day_list(self) -> list[str]:
        return self.days.split(",")


class CallRota(models.Model):
    """Who to call right now in a partnership's area: the office-hours and out-of-hours doors."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="call_rota")
    emergency = models.ForeignKey(Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    office_hours = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="+")
    out_of_hours = models.ForeignKey(Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    bank_holidays_are_out_of_hours = models.BooleanField(default=False)
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership"]

    def __str__(self) -> str:
        return f"Who to call in {self.partnership.area}"

    def clean(self) -> None:
        # Each door must be one of this area's own contacts.
        for name in ("emergency", "office_hours", "out_of_hours"):
            contact = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if contact is not None and self.partnership_id and contact.partnership_id != self.partnership_id:
                raise ValidationError({name: "Choose one of this area's own contacts."})
