"""The content of a threshold document: a framework, its levels, domains, indicators and terms.

Every item has a stable string `key` (its id in the YAML files, web addresses, the API and
shared questionnaire links) that never changes when its text is edited, and says where it
came from (`source_file`, `source_section`). `imported_hash` remembers what the last import
wrote, so the importer can tell an edit made in the admin from an untouched item.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

key_validator = RegexValidator(
    r"^[a-z][a-z0-9-]{2,59}$",
    "Use 3 to 60 lower-case letters, digits and hyphens, starting with a letter.",
)


def validate_level_numbers(value) -> None:
    """Editorial lists of level numbers (contacts' and checklists' levels): [2, 3]."""
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in value):
        raise ValidationError("Write level numbers as a list, for example [2, 3].")


class SourcedItem(models.Model):
    """Fields every content item shares."""

    key = models.CharField("stable id", max_length=60, unique=True, validators=[key_validator])
    source_file = models.CharField(max_length=100, help_text="The source document's file name.")
    source_section = models.CharField(max_length=300, help_text="The section heading in that document.")
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True


class Partnership(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    area = models.CharField(max_length=100, help_text="The area it covers, e.g. Coventry.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["area"]

    def __str__(self) -> str:
        return self.name


class Framework(models.Model):
    slug = models.SlugField(unique=True)
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="frameworks")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=100, blank=True)
    intro = models.TextField(blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__area", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.partnership.area})"

    def get_absolute_url(self) -> str:
        return reverse("thresholds:framework", kwargs={"framework": self.slug})


class CombinationRule(models.Model):
    """When several lower-level needs together change the suggestion (the "Which level?" rules).

    Coventry: three or more Level 2 needs across three outcome areas suggest Level 3.
    Warwickshire: a combination of Early Support indicators across domains keeps the level
    but the result shows the document's warning and advice.
    """

    class GroupedBy(models.TextChoices):
        OUTCOME_AREAS = "outcome_areas", "Different outcome areas"
        DOMAINS = "domains", "Different domains"

    framework = models.OneToOneField(Framework, on_delete=models.CASCADE, related_name="combination_rule")
    at_level = models.PositiveSmallIntegerField(help_text="The level number of the needs that are counted.")
    minimum_needs = models.PositiveSmallIntegerField()
    grouped_by = models.CharField(max_length=20, choices=GroupedBy.choices)
    minimum_groups = models.PositiveSmallIntegerField()
    raises_to = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty: the level stays; only the warning is shown.")
    explanation = models.TextField(help_text="The document's words for why.")
    advice = models.TextField(blank=True, help_text="The document's words for what to do.")
    source_file = models.CharField(max_length=100)
    source_section = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework"]

    def __str__(self) -> str:
        return f"Combination rule for {self.framework}"


class SourceDocument(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="sources")
    file = models.CharField(max_length=100)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=300, blank=True)
    edition = models.CharField(max_length=100, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "file"], name="unique_source_file")]

    def __str__(self) -> str:
        return self.title


class OutcomeArea(SourcedItem):
    """An outcome area a framework groups needs by (Coventry's ten Early Help outcomes)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="outcome_areas")
    name = models.CharField(max_length=200)
    statement = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self) -> str:
        return self.name


class Level(SourcedItem):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(help_text="1 is the lowest level of need.")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=100)
    summary = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="unique_level_number")]

    def __str__(self) -> str:
        return f"{self.framework.partnership.area}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("thresholds:level", kwargs={"framework": self.framework.slug, "number": self.number})


class LevelText(models.Model):
    """One of a level's texts (what it means, what to do...), each from its own source."""

    class Kind(models.TextChoices):
        MEANING = "meaning", "What this level means"
        SOURCE_OF_HELP = "source_of_help", "Where help and support comes from"
        ACTIONS = "actions", "What to do"
        RESPONSE = "response", "Response and services"
        OUTCOME = "outcome", "Outcome"
        FAMILY = "family", "What this means for families"
        FAMILY_ACCESS = "family_access", "How families can get this help"

    level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    body = models.TextField(help_text="Paragraphs separated by a blank line; bullets start with '- '.")
    order = models.PositiveIntegerField(default=0)
    source_file = models.CharField(max_length=100)
    source_section = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["level", "order"]

    def __str__(self) -> str:
        return f"{self.level}: {self.get_kind_display()}"


class Domain(SourcedItem):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="domains")
    name = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self) -> str:
        return self.name


class Indicator(SourcedItem):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="indicators")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="indicators")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="indicators", null=True, blank=True)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, related_name="children", null=True, blank=True)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    editorial_outcome_areas = models.ManyToManyField(
        OutcomeArea,
        blank=True,
        related_name="indicators",
        help_text="Editorial: the outcome areas this need relates to (used by the three-needs rule).",
    )
    history = HistoricalRecords(m2m_fields=[editorial_outcome_areas])

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    def get_absolute_url(self) -> str:
        return reverse("thresholds:indicator", kwargs={"framework": self.framework.slug, "key": self.key})


class Term(SourcedItem):
    """A glossary entry: an abbreviation, a definition, or the language used to describe need."""

    class Kind(models.TextChoices):
        ABBREVIATION = "abbreviation", "Abbreviation"
        DEFINITION = "definition", "Definition"
        NEED_LANGUAGE = "need_language", "Language we may use to describe need"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    meaning = models.TextField(blank=True)
    levels = models.ManyToManyField(Level, blank=True, related_name="terms")
    editorial_levels = models.BooleanField(
        default=False, help_text="Ticked when the levels are the team's reading, not the document's words."
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[levels])

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self) -> str:
        return self.term


class Synonym(models.Model):
    """Editorial: words practitioners type for the same thing (DV, domestic abuse...), for search."""

    key = models.CharField("stable id", max_length=60, unique=True, validators=[key_validator])
    words = models.JSONField(help_text='A list of words or phrases, e.g. ["domestic abuse", "DV"].')
    imported_hash = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return ", ".join(self.words)


class LeadProfile(models.Model):
    """Attaches a safeguarding lead's admin account to the partnership whose content they edit."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lead_profile")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="leads")

    class Meta:
        ordering = ["partnership", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} ({self.partnership.area})"
