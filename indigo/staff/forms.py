from django import forms
from django.utils.translation import gettext_lazy as _

from indigo.cases.models import Status
from indigo.catalog.models import Product


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Status.choices]
    )
    product = forms.ChoiceField(label=_("Product"), required=False)
    due_before = forms.DateField(
        label=_("Decision due before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [("", _("All"))] + [
            (p.code, p.name) for p in Product.objects.order_by("code")
        ]


class ActionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    until = forms.DateField(
        label=_("Repair period ends (suspend only)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class InformationRequestForm(forms.Form):
    what = forms.CharField(
        label=_("What must the applicant send?"),
        help_text=_(
            "Write in plain words. The applicant gets this text inside a letter in their "
            "own language."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    until = forms.DateField(
        label=_("Last day of the repair period"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class NoticeOfDefaultForm(forms.Form):
    received_on = forms.DateField(
        label=_("Received on"),
        help_text=_("The day the written notice of default reached us."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sender = forms.CharField(
        label=_("Sent by"),
        required=False,
        max_length=200,
        help_text=_("The applicant or their representative."),
    )
