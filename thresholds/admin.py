"""The admin for safeguarding leads: edit content, see its history, revert a bad edit.

A lead's account is attached to one partnership (LeadProfile) and sees and changes only
that partnership's content. Superusers see everything.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from thresholds.models import (
    Domain,
    Framework,
    Indicator,
    LeadProfile,
    Level,
    LevelText,
    OutcomeArea,
    Partnership,
    SourceDocument,
    Synonym,
    Term,
)


def lead_partnership(request: HttpRequest) -> Partnership | None:
    profile = getattr(request.user, "lead_profile", None)
    return profile.partnership if profile else None


class PartnershipScopedAdmin(SimpleHistoryAdmin):
    """Limits a lead to their own partnership's rows, foreign-key choices and history."""

    partnership_path = "framework__partnership"  # how a row reaches its partnership

    def partnership_of(self, obj: Model) -> Partnership | None:
        value = obj
        for part in self.partnership_path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        partnership = lead_partnership(request)
        if partnership is None:
            return queryset.none()
        return queryset.filter(**{self.partnership_path: partnership})

    def _allowed(self, request: HttpRequest, obj: Model | None) -> bool:
        if request.user.is_superuser or obj is None:
            return request.user.is_superuser or lead_partnership(request) is not None
        partnership = lead_partnership(request)
        return partnership is not None and self.partnership_of(obj) == partnership

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._allowed(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request) and self._allowed(request, None)

    def get_list_filter(self, request):
        # Filter choices come from the rows the lead can see, not every partnership's names.
        related = {"framework", "domain", "partnership"}
        return [(f, admin.RelatedOnlyFieldListFilter) if f in related else f for f in super().get_list_filter(request)]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return scoped_field(super().formfield_for_foreignkey(db_field, request, **kwargs), request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return scoped_field(super().formfield_for_manytomany(db_field, request, **kwargs), request)


def scoped_field(field, request: HttpRequest):
    """A form field whose choices a lead may pick from: only their partnership's rows."""
    partnership = lead_partnership(request)
    if field is not None and partnership is not None and not request.user.is_superuser:
        field.queryset = scoped(field.queryset, partnership)
    return field


def scoped(queryset: QuerySet, partnership: Partnership) -> QuerySet:
    """Choices in a lead's forms: only rows belonging to their partnership."""
    model = queryset.model
    if model is Partnership:
        return queryset.filter(pk=partnership.pk)
    if model is Framework or hasattr(model, "partnership"):
        return queryset.filter(partnership=partnership)
    if hasattr(model, "framework"):
        return queryset.filter(framework__partnership=partnership)
    return queryset


class ScopedInline(admin.StackedInline):
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return scoped_field(super().formfield_for_foreignkey(db_field, request, **kwargs), request)


class SourceDocumentInline(admin.TabularInline):
    model = SourceDocument
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(PartnershipScopedAdmin):
    partnership_path = "partnership"
    list_display = ["name", "partnership", "next_review_due", "updated_at"]
    search_fields = ["name", "intro"]
    readonly_fields = ["slug", "updated_at"]
    inlines = [SourceDocumentInline]


class LevelTextInline(ScopedInline):
    model = LevelText
    fields = ["kind", "body", "order", "source_file", "source_section"]


class IndicatorInline(ScopedInline):
    model = Indicator
    fk_name = "level"
    fields = ["key", "text", "domain", "parent", "order", "source_file", "source_section"]
    show_change_link = True


@admin.register(Level)
class LevelAdmin(PartnershipScopedAdmin):
    list_display = ["name", "number", "framework", "summary"]
    list_filter = ["framework"]
    search_fields = ["name", "summary", "texts__body"]
    ordering = ["framework", "number"]
    readonly_fields = ["key"]
    inlines = [LevelTextInline, IndicatorInline]


@admin.register(Domain)
class DomainAdmin(PartnershipScopedAdmin):
    list_display = ["name", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["name"]
    readonly_fields = ["key"]


@admin.register(OutcomeArea)
class OutcomeAreaAdmin(PartnershipScopedAdmin):
    list_display = ["name", "statement", "framework"]
    list_filter = ["framework"]
    readonly_fields = ["key"]


@admin.register(Indicator)
class IndicatorAdmin(PartnershipScopedAdmin):
    list_display = ["text", "level", "domain", "framework", "key"]
    list_filter = ["framework", "level__number", "domain"]
    search_fields = ["text", "key"]
    ordering = ["framework", "order"]
    list_select_related = ["level__framework__partnership", "domain", "framework"]
    filter_horizontal = ["editorial_outcome_areas"]
    list_per_page = 50

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []  # a stable id never changes once it is in use


@admin.register(Term)
class TermAdmin(PartnershipScopedAdmin):
    list_display = ["term", "kind", "meaning", "framework"]
    list_filter = ["framework", "kind"]
    search_fields = ["term", "meaning"]
    filter_horizontal = ["levels"]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []


@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    """Search synonyms are shared by every partnership: superusers only."""

    list_display = ["key", "__str__"]
    search_fields = ["key"]

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(Partnership)
class PartnershipAdmin(PartnershipScopedAdmin):
    partnership_path = "pk"
    list_display = ["name", "area", "slug"]

    def get_queryset(self, request):
        queryset = super(PartnershipScopedAdmin, self).get_queryset(request)
        if request.user.is_superuser:
            return queryset
        partnership = lead_partnership(request)
        return queryset.filter(pk=partnership.pk) if partnership else queryset.none()

    def partnership_of(self, obj):
        return obj


class LeadProfileInline(admin.StackedInline):
    model = LeadProfile
    can_delete = True
    verbose_name = "Safeguarding lead for"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class LeadUserAdmin(UserAdmin):
    inlines = [LeadProfileInline]
    list_display = ["username", "email", "is_staff", "is_superuser", "lead_partnership"]

    @admin.display(description="Lead for")
    def lead_partnership(self, user):
        profile = getattr(user, "lead_profile", None)
        return profile.partnership.area if profile else ""


admin.site.site_header = "Threshold guidance: content editing"
admin.site.site_title = "Threshold guidance admin"
admin.site.index_title = "Content"
