"""The checklists and guidance pages in the admin, each lead limited to their own partnership.

Leads change the words. What the flow relies on stays fixed once loaded: an item's role, an
answer's value, and which answers a question has (answers can be edited, not added or removed).
"""

from django.contrib import admin

from referrals.models import QUESTION_ROLES, Checklist, ChecklistItem, ChecklistOption, GuidancePage, GuidanceSection
from thresholds.admin import PartnershipScopedAdmin, ScopedInline


class ChecklistItemInline(ScopedInline):
    model = ChecklistItem
    fields = ["key", "role", "question", "text", "why", "group", "order", "source_file", "source_section"]
    readonly_fields = ["key", "role"]
    show_change_link = True
    can_delete = False
    max_num = 0  # add items on their own page, where the role can be chosen

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Checklist)
class ChecklistAdmin(PartnershipScopedAdmin):
    partnership_path = "partnership"
    list_display = ["name", "partnership", "contact", "updated_at"]
    readonly_fields = ["key", "partnership", "updated_at"]
    fields = ["key", "partnership", "name", "intro", "how_to_refer", "contact", "contact_option", "refer_at_levels", "source_file", "source_section", "updated_at"]
    inlines = [ChecklistItemInline]

    def has_add_permission(self, request, obj=None):
        return False  # one checklist per partnership, created by the content import


class ChecklistOptionInline(admin.TabularInline):
    model = ChecklistOption
    fields = ["value", "label", "then", "source_file", "source_section"]
    readonly_fields = ["value"]
    extra = 0
    max_num = 0
    can_delete = False


@admin.register(ChecklistItem)
class ChecklistItemAdmin(PartnershipScopedAdmin):
    partnership_path = "checklist__partnership"
    list_display = ["__str__", "role", "checklist", "key"]
    list_filter = [("checklist", admin.RelatedOnlyFieldListFilter), "role"]
    search_fields = ["question", "text", "why", "key"]
    list_select_related = ["checklist__partnership"]
    inlines = [ChecklistOptionInline]

    def get_readonly_fields(self, request, obj=None):
        return ["key", "role", "checklist"] if obj else []

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        if db_field.name == "role":  # a new item is a tick or an "after" text: questions come from the files
            field.choices = [(value, label) for value, label in field.choices if value not in QUESTION_ROLES]
        return field

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.role in QUESTION_ROLES:
            return False  # the flow needs its questions
        return super().has_delete_permission(request, obj)


class GuidanceSectionInline(ScopedInline):
    model = GuidanceSection
    fields = ["heading", "group", "body", "space", "order", "source_file", "source_section"]


@admin.register(GuidancePage)
class GuidancePageAdmin(PartnershipScopedAdmin):
    partnership_path = "partnership"
    list_display = ["title", "topic", "partnership"]
    list_filter = [("partnership", admin.RelatedOnlyFieldListFilter), "topic"]
    search_fields = ["title", "sections__body"]
    inlines = [GuidanceSectionInline]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []

