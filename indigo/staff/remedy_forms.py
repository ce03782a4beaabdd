"""Forms of the staff screens for objections, appeals and complaints (parse only)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from indigo.appeals.models import Appeal
from indigo.complaints.models import Complaint
from indigo.objections.models import Objection


def _date(label, *, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def _text(label, *, required=True, rows=3, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ObjectionForm(forms.Form):
    lodged_on = _date(_("Received on"))
    grounds = _text(_("Grounds: why the objector disagrees"))
    by = forms.ChoiceField(label=_("Lodged by"), choices=Objection.By.choices)
    representative = forms.CharField(label=_("Representative"), required=False, max_length=200)
    authorisation = forms.CharField(
        label=_("Authorisation of the representative"),
        required=False,
        max_length=300,
        help_text=_("For example: a signed authorisation of 3 March 2026."),
    )
    advisory_committee = forms.BooleanField(
        label=_("An advisory committee handles it (Awb 7:13)"), required=False
    )


class HearingScheduleForm(forms.Form):
    hearing_on = _date(_("Hearing on"))


class HearingRecordForm(forms.Form):
    held_on = _date(_("Hearing held on"))
    minutes = forms.FileField(label=_("Minutes of the hearing (PDF)"))


class HearingWaiveForm(forms.Form):
    ground = forms.ChoiceField(
        label=_("Ground for not hearing (Awb 7:3)"), choices=Objection.WaiverGround.choices
    )
    reason = _text(_("Explanation"), required=False, rows=2)


class AdjournForm(forms.Form):
    reason = _text(_("Reason for the adjournment"), rows=2)
    agreed_extra_weeks = forms.IntegerField(
        label=_("Further weeks agreed with the objector"),
        min_value=0,
        initial=0,
        required=False,
    )


class ObjectionDecideForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Objection.Outcome.choices)
    reason = _text(_("Reasons"))


def _staff_choices():
    from indigo.accounts.roles import STAFF_ROLES

    return (
        get_user_model()
        .objects.filter(groups__name__in=[r.value for r in STAFF_ROLES])
        .distinct()
        .order_by("username")
    )


class AppealForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=Appeal.Level.choices)
    court = forms.CharField(label=_("Court"), max_length=200)
    case_number = forms.CharField(label=_("Case number"), required=False, max_length=60)
    lodged_on = _date(_("Lodged on"))
    hearing_on = _date(_("Court hearing on"), required=False)
    process_representative = forms.ModelChoiceField(
        label=_("Process representative"), queryset=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process_representative"].queryset = _staff_choices()


class AppealHearingForm(forms.Form):
    hearing_on = _date(_("Court hearing on"))


class MeasureRequestForm(forms.Form):
    requested_on = _date(_("Provisional measure requested on"))


class MeasureDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Appeal.MeasureOutcome.choices)
    decided_on = _date(_("Decided on"))


class JudgmentForm(forms.Form):
    judgment_on = _date(_("Judgment on"))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Appeal.Outcome.choices)
    new_decision_by = _date(
        _("New decision by"),
        required=False,
        help_text=_("Only when the court orders a new decision within a period."),
    )
    penalty_eur_per_day = forms.DecimalField(
        label=_("Penalty per day set by the court (EUR)"), required=False, min_value=0
    )
    penalty_max_eur = forms.DecimalField(
        label=_("Maximum penalty set by the court (EUR)"), required=False, min_value=0
    )


STAFF_CHANNELS = (Complaint.Channel.CONTACT_CENTRE, Complaint.Channel.DESK, Complaint.Channel.POST)


class ComplaintForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Received through"),
        choices=[
            (c.value, c.label)
            for c in (
                Complaint.Channel.CONTACT_CENTRE,
                Complaint.Channel.DESK,
                Complaint.Channel.POST,
            )
        ],
    )
    received_on = _date(_("Received on"))
    category = forms.ChoiceField(label=_("What is it about?"), choices=Complaint.Category.choices)
    description = _text(_("Complaint"), rows=4)
    application_reference = forms.CharField(
        label=_("Application reference (if it is about one)"), required=False, max_length=20
    )
    complainant_name = forms.CharField(label=_("Name of the complainant"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    postal_address = _text(_("Postal address"), required=False, rows=2)
    advisory_committee = forms.BooleanField(
        label=_("An advisory committee handles it (Awb 9.1.3)"), required=False
    )


class ComplaintAssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("Complaints handler"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = _staff_choices()


class ComplaintHearingForm(forms.Form):
    hearing = forms.ChoiceField(
        label=_("Hearing"), choices=[c for c in Complaint.Hearing.choices if c[0]]
    )
    note = _text(_("Note"), required=False, rows=2)


class ComplaintExtendForm(forms.Form):
    reason = _text(_("Reason for the postponement"), rows=2)
    agreed_weeks = forms.IntegerField(
        label=_("Further weeks the complainant agreed to in writing"),
        min_value=0,
        initial=0,
        required=False,
    )


class ComplaintAnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Complaint.Outcome.choices)
    answer = _text(_("Written answer to the complainant"), rows=6)
