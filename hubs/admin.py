from django.contrib import admin

from hubs.models import CallRota, Contact, OpeningRule, Phone
from thresholds.admin import PartnershipScopedAdmin


class PhoneInline(admin.TabularInline):
    model = Phone
    extra = 0


class OpeningRuleInline(admin.TabularInline):
    model = OpeningRule
    extra = 0


@admin.register(Contact)
class ContactAdmin(PartnershipScopedAdmin):
    partnership_path = "partnership"
    list_display = ["name", "kind", "audience", "partnership"]
    list_filter = ["partnership", "kind", "audience"]
    search_fields = ["name", "description"]
    inlines = [PhoneInline, OpeningRuleInline]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []


@admin.register(CallRota)
class CallRotaAdmin(PartnershipScopedAdmin):
    partnership_path = "partnership"
    list_display = ["__str__", "office_hours", "out_of_hours", "bank_holidays_are_out_of_hours"]


