"""The desk's sign-in: throttled failures, a second factor for editors."""

import io
import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "pw-for-tests-only"


def log_in(client, username, password=PASSWORD, code="", ip="203.0.113.5"):
    return client.post(
        LOGIN,
        {
            "username": username,
            "password": password,
            "otp_token": code,
            "next": "/admin/",
        },
        REMOTE_ADDR=ip,
    )


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def reaches_the_admin(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


@pytest.fixture
def require_2fa(settings):
    settings.NEWSROOM_ADMIN_REQUIRE_2FA = True


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


# --- Throttling (django-axes) ------------------------------------------------------


def test_repeated_wrong_passwords_lock_the_username_out(editor, caplog):
    """After five wrong passwords the right one is refused with 429, and it is logged."""
    client = Client()
    with caplog.at_level(logging.WARNING, logger="axes"):
        codes = [log_in(client, "editor", "wrong").status_code for _ in range(5)]
    assert codes[:4] == [200] * 4  # the form again, with an error
    assert codes[4] == 429
    response = log_in(client, "editor")
    assert response.status_code == 429
    assert not reaches_the_admin(client)
    assert any("Locking out" in record.getMessage() for record in caplog.records)


def test_the_lockout_follows_the_username_to_other_addresses(editor):
    """Moving to another address does not reset the count for a username."""
    for n in range(5):
        log_in(Client(), "editor", "wrong", ip=f"198.51.100.{n}")
    assert log_in(Client(), "editor", ip="192.0.2.77").status_code == 429


def test_one_address_guessing_many_usernames_is_locked_out(editor):
    """Wrong passwords for many usernames from one address lock that address out."""
    client = Client()
    for n in range(5):
        log_in(client, f"someone-{n}", "wrong")
    assert log_in(client, "editor").status_code == 429
    assert log_in(Client(), "editor", ip="192.0.2.8").status_code == 302


def test_axes_reset_username_unlocks(editor):
    """`manage.py axes_reset_username` lets a locked-out editor sign in again."""
    for _ in range(5):
        log_in(Client(), "editor", "wrong", ip="192.0.2.1")
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    call_command("axes_reset_ip", "192.0.2.1", stdout=io.StringIO())
    client = Client()
    assert log_in(client, "editor", ip="192.0.2.1").status_code == 302
    assert reaches_the_admin(client)


# --- The second factor (django-otp) ------------------------------------------------


def test_without_the_setting_a_password_is_enough(editor):
    """With NEWSROOM_ADMIN_REQUIRE_2FA off, an editor with no device signs in with a password."""
    client = Client()
    assert log_in(client, "editor").status_code == 302
    assert reaches_the_admin(client)


def test_an_editor_without_a_device_cannot_sign_in(require_2fa, editor):
    """With the setting on, an editor's right password alone does not open the admin."""
    client = Client()
    response = log_in(client, "editor")
    assert response.status_code == 200
    assert "Ask an administrator to enrol" in response.text
    assert not reaches_the_admin(client)


def test_an_editor_signs_in_with_password_and_code(require_2fa, editor, device):
    """The right password and the app's current code open the admin; a wrong code does not."""
    client = Client()
    wrong = log_in(
        client,
        "editor",
        code="000000" if current_code(device) != "000000" else "111111",
    )
    assert wrong.status_code == 200
    assert "not valid" in wrong.text
    assert not reaches_the_admin(client)
    missing = log_in(client, "editor")
    assert "Enter the code" in missing.text

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    assert log_in(client, "editor", code=current_code(device)).status_code == 302
    assert reaches_the_admin(client)


def test_a_session_without_a_code_is_sent_to_the_login(require_2fa, editor, device):
    """An editor signed in some other way (no code) is refused by the admin."""
    client = Client()
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == LOGIN


def test_reporters_are_not_required_to_have_a_device(require_2fa, reporter):
    """The requirement is for editors; a reporter without a device signs in."""
    client = Client()
    assert log_in(client, "reporter").status_code == 302
    assert reaches_the_admin(client)


def test_anyone_enrolled_is_asked_for_a_code(reporter):
    """A user with a device must give its code, even with the setting off."""
    TOTPDevice.objects.create(user=reporter, name="phone", confirmed=True)
    client = Client()
    assert "Enter the code" in log_in(client, "reporter").text
    assert not reaches_the_admin(client)


def test_otp_enrol_prints_an_otpauth_address(editor):
    """`manage.py otp_enrol` makes a confirmed device and prints its otpauth:// address."""
    out = io.StringIO()
    call_command("otp_enrol", "editor", stdout=out)
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    address = next(
        line.strip() for line in out.getvalue().splitlines() if "otpauth://" in line
    )
    assert address.startswith("otpauth://totp/")
    assert parse_qs(urlsplit(address).query)["issuer"] == ["Steppe Wire"]
    with pytest.raises(CommandError, match="already has"):
        call_command("otp_enrol", "editor", stdout=io.StringIO())
    call_command("otp_enrol", "editor", "--replace", stdout=io.StringIO())
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert TOTPDevice.objects.get(user=editor).key != device.key


def test_production_requires_the_second_factor_by_default():
    """With DEBUG off and nothing set, NEWSROOM_ADMIN_REQUIRE_2FA is on; with DEBUG on, off."""
    from newsroom.tests.test_settings import PRODUCTION, manage

    code = "from django.conf import settings as s; print(s.NEWSROOM_ADMIN_REQUIRE_2FA)"
    assert manage("shell", "-c", code, **PRODUCTION).stdout.split()[-1] == "True"
    assert manage("shell", "-c", code).stdout.split()[-1] == "False"
