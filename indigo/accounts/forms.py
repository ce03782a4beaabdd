"""The login form: username and password, and a one-time code for the staff who have
set up a second factor (django-otp, TOTP). The second factor is optional: an account
without a confirmed device logs in with its password alone."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationFormMixin


class LoginForm(OTPAuthenticationFormMixin, AuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you set up a second factor."),
    )
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user):
            if not self.cleaned_data.get("otp_device"):
                # One authenticator per person: the code is checked against it.
                first = next(devices_for_user(user), None)
                self.cleaned_data["otp_device"] = first.persistent_id if first else ""
            self.clean_otp(user)
        return self.cleaned_data
