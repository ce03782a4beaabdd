from django import forms
from django.utils.translation import gettext_lazy as _

from indigo.work.labels import task_label
from indigo.work.models import Task


class TaskResultForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Task.Outcome.choices, widget=forms.RadioSelect
    )
    result = forms.CharField(
        label=_("Result for the owner of the case"), widget=forms.Textarea(attrs={"rows": 4})
    )


class AdviceForm(forms.Form):
    """The owner asks a specialism or a named colleague a question."""

    specialism = forms.ChoiceField(label=_("Ask a specialism"), required=False)
    colleague = forms.ModelChoiceField(
        label=_("Or ask a colleague by name"), queryset=None, required=False
    )
    question = forms.CharField(
        label=_("Your question"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    due_on = forms.DateField(
        label=_("Answer needed by"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, specialisms=(), colleagues=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialism"].choices = [("", "—")] + [
            (code, task_label(code)) for code in specialisms
        ]
        self.fields["colleague"].queryset = colleagues
        self.fields["colleague"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class TaskAssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Give the task to"), queryset=None)
    reason = forms.CharField(label=_("Reason"), required=False)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = candidates
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class TaskReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for returning it to the queue"), required=False)
