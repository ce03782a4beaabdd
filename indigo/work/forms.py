from django import forms
from django.utils.translation import gettext_lazy as _

from indigo.work.models import Task


class TaskResultForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Task.Outcome.choices, widget=forms.RadioSelect
    )
    result = forms.CharField(
        label=_("Result for the owner of the case"), widget=forms.Textarea(attrs={"rows": 4})
    )
