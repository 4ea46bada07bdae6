"""Ready to refer? Each partnership's referral checklist, and the guidance pages around it.

A checklist is the front door's list (Coventry's online MARF, Warwickshire's Family Connect
call) as items in the documents' words. Each item has a *role* that says what the flow does
with it; the branching itself is in `referrals/rules.py`. Nothing a practitioner answers is
stored: the answers travel in the web address.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from hubs.models import Contact
# validate_level_numbers stays importable from here: the migrations name it at this path.
from thresholds.models import Partnership, SourcedItem, validate_level_numbers  # noqa: F401


class Role(models.TextChoices):
    IMMEDIATE_DANGER = "immediate_danger", "Question: is the child in immediate danger?"
    LEVEL = "level", "Question: which level of need? (the answers are the framework's levels)"
    FAMILY = "family", "Question: has the family been told, or given consent?"
    TICK = "tick", "Tick: something to do or have ready before referring"
    RISK_TICK = "risk_tick", "Tick, asked only when the family is not told because that would increase the risk"
    AFTER = "after", "What happens after you refer (shown, not asked)"


QUESTION_ROLES = (Role.IMMEDIATE_DANGER, Role.LEVEL, Role.FAMILY)
TICK_ROLES = (Role.TICK, Role.RISK_TICK)
# The answers each question offers. The words are content; these values are what rules.py reads.
ANSWER_VALUES = {Role.IMMEDIATE_DANGER: ("yes", "no"), Role.FAMILY: ("yes", "risk", "not_yet"), Role.LEVEL: ()}


class Checklist(SourcedItem):
    partnership = models.OneToOneField(Partnership, on_delete=models.PROTECT, related_name="checklist")
    name = models.CharField(max_length=200, help_text="What the checklist prepares for, e.g. the online MARF.")
    intro = models.TextField(blank=True, help_text="The document's words: when to refer.")
    how_to_refer = models.TextField(blank=True, help_text="The document's words: how the referral is made.")
    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="The number to call."
    )
    contact_option = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The phone menu option for referrals (Coventry: 3)."
    )
    refer_at_levels = models.JSONField(
        default=list, blank=True, validators=[validate_level_numbers], help_text="The level numbers this checklist is for, e.g. [4]. Below them, the flow shows the level's own route."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__area"]

    def __str__(self) -> str:
        return f"{self.partnership.area}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("referrals:step", kwargs={"area": self.partnership.slug, "step": "danger"})


class ChecklistItem(SourcedItem):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="items")
    role = models.CharField(max_length=20, choices=Role.choices)
    question = models.CharField(max_length=300, blank=True, help_text="Questions only: the question as asked.")
    text = models.TextField(help_text="The document's words: the thing to do (ticks), the guidance (questions) or what happens (after).")
    why = models.TextField(blank=True, help_text="The document's words: why it matters. Shown when it is still missing.")
    group = models.CharField(max_length=200, blank=True, help_text="Ticks: the heading the tick is shown under.")
    only_at_levels = models.JSONField(default=list, blank=True, validators=[validate_level_numbers], help_text="Asked only at these level numbers; empty: at every level.")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["checklist", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "role"], condition=Q(role__in=QUESTION_ROLES), name="one_question_of_each_kind"
            )
        ]

    def __str__(self) -> str:
        words = self.question or self.text
        return words if len(words) <= 80 else words[:77] + "..."

    def applies_at(self, level) -> bool:
        return not self.only_at_levels or level in self.only_at_levels


class ChecklistOption(models.Model):
    """One answer to a question: its words, and what the document says follows from it."""

    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="options")
    value = models.CharField(max_length=20, help_text="Fixed: what rules.py reads (yes, no, risk, not_yet).")
    label = models.CharField(max_length=300)
    then = models.TextField(blank=True, help_text="The document's words: what follows from this answer.")
    source_file = models.CharField(max_length=100, blank=True, help_text="Only if not the question's source.")
    source_section = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "value"], name="unique_answer_value")]

    def __str__(self) -> str:
        return self.label

    @property
    def source(self) -> tuple[str, str]:
        if self.source_file:
            return self.source_file, self.source_section
        return self.item.source_file, self.item.source_section


class Topic(models.TextChoices):
    CONSENT = "consent", "Consent"
    AFTER = "after-you-refer", "What happens after you refer"
    INFORMATION_SHARING = "information-sharing", "Information sharing"
    PATHWAY_TO_CHANGE = "pathway-to-change", "Pathway to Change worksheet"


class GuidancePage(SourcedItem):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="guidance_pages")
    topic = models.CharField(max_length=30, choices=Topic.choices)
    title = models.CharField(max_length=200)
    editorial_note = models.TextField(blank=True, help_text="Editorial: a note from the team about this page.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__area", "topic"]
        constraints = [models.UniqueConstraint(fields=["partnership", "topic"], name="one_page_per_topic")]

    def __str__(self) -> str:
        return f"{self.partnership.area}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("referrals:guidance", kwargs={"area": self.partnership.slug, "topic": self.topic})


class GuidanceSection(models.Model):
    class Space(models.TextChoices):
        NONE = "none", "None"
        LINE = "line", "A line to write on"
        BOX = "box", "A box to write in"

    page = models.ForeignKey(GuidancePage, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=300, blank=True)
    group = models.CharField(max_length=200, blank=True, help_text="Sections with the same group are shown under it.")
    body = models.TextField(blank=True, help_text="Paragraphs separated by a blank line; bullets start with '- '.")
    space = models.CharField(max_length=10, choices=Space.choices, default=Space.NONE, help_text="Printed worksheets: space to write on paper.")
    order = models.PositiveIntegerField(default=0)
    source_file = models.CharField(max_length=100)
    source_section = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["page", "order"]

    def __str__(self) -> str:
        return self.heading or self.body[:60]
