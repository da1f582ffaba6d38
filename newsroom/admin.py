"""
The desk's admin site: Django's, with a second factor for Editors.

A password alone does not open the admin to anyone who may publish when
NEWSROOM_ADMIN_REQUIRE_2FA is on: they sign in with a code from an authenticator
app (TOTP, django-otp), and a session that was not verified with one is sent back
to the login page. Anyone with an enrolled device is asked for a code whatever
the setting says. Devices are enrolled by an operator (`manage.py otp_enrol`),
never from a session that only a password opened: whoever stole a password must
not be able to add their own device.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.services import user_can_publish


def second_factor_required(user) -> bool:
    """Whether this user must sign in to the admin with a one-time code."""
    return settings.NEWSROOM_ADMIN_REQUIRE_2FA and user_can_publish(user)


class LoginThrottleBackend(AxesStandaloneBackend):
    """
    django-axes' lockout check, for sign-ins that come with a request.

    Every web login passes its request (the admin's form does); a call without one
    comes from code on the server (a shell, the test client's login), which has no
    address to throttle, and django-axes would refuse it outright.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """
    django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): the desk's
    page in the editor's language, saying for how long, instead of its English line.
    """
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed sign-ins"),
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(
        request,
        "admin/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class DeskAuthenticationForm(AdminAuthenticationForm):
    """The admin login: username, password and, for who needs one, a TOTP code."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "no_device": _(
            "Your account must sign in with a second factor and has none yet. "
            "Ask an administrator to enrol your authenticator app."
        ),
        "token_required": _("Enter the code from your authenticator app."),
        "invalid_token": _("That code is not valid. Enter the current one."),
        "throttled": _("Too many wrong codes. Wait a minute and try again."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if not devices and not second_factor_required(user):
            return cleaned_data
        if not devices:
            raise forms.ValidationError(self.error_messages["no_device"], "no_device")
        token = "".join((cleaned_data.get("otp_token") or "").split())
        if not token:
            raise forms.ValidationError(
                self.error_messages["token_required"], "token_required"
            )
        user.otp_device = self._verified_device(devices, token)
        return cleaned_data

    def _verified_device(self, devices, token):
        # One transaction, so that the device's throttling (a growing delay after
        # each wrong code) is recorded even though the form fails.
        throttled = False
        with transaction.atomic():
            for device in devices:
                allowed, _details = device.verify_is_allowed()
                if not allowed:
                    throttled = True
                elif device.verify_token(token):
                    return device
        if throttled:
            raise forms.ValidationError(self.error_messages["throttled"], "throttled")
        raise forms.ValidationError(
            self.error_messages["invalid_token"], "invalid_token"
        )


class DeskAdminSite(admin.AdminSite):
    login_form = DeskAuthenticationForm
    login_template = "admin/desk_login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        # django-otp's middleware: was this session opened with a code?
        return request.user.is_verified() or not second_factor_required(request.user)
