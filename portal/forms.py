"""The one base form: builds the crispy-forms-gds helper every form on the site uses."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django import forms


class BaseForm(forms.Form):
    """A GOV.UK form, rendered with `{% crispy form %}` inside the page's own <form> tag.

    Public forms are GET forms: the answers travel in the address and nothing is stored, so
    the template writes the <form> and its button (a named button would add itself to the
    address). Subclasses may override `layout_fields()`.
    """

    @property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(*self.layout_fields())
        return helper

    def layout_fields(self) -> list:
        return list(self.fields)
