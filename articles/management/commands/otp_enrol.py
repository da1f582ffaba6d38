"""Give a desk member's authenticator app its key: the admin's second factor."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator app"


class Command(BaseCommand):
    help = (
        "Enrol a user's authenticator app (TOTP) for the admin's second factor and "
        "print the otpauth:// address to scan or type in. Hand it to the user over "
        "a channel you trust; it is their second factor."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove the user's devices first (a lost or new phone).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be done and change nothing.",
        )

    def handle(self, *args, username, replace, dry_run, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        devices = TOTPDevice.objects.devices_for_user(user)
        if devices.exists() and not replace:
            raise CommandError(
                f"{username!r} already has an authenticator app; pass --replace "
                "to enrol a new one (the old one stops working)."
            )
        if dry_run:
            self.stdout.write(
                f"Dry run: would enrol an authenticator app for {username!r}."
            )
            return
        with transaction.atomic():
            devices.delete()
            device = TOTPDevice.objects.create(
                user=user, name=DEVICE_NAME, confirmed=True
            )
        self.stdout.write(
            self.style.SUCCESS(f"Enrolled an authenticator app for {username!r}.")
        )
        self.stdout.write(
            "Scan this address as a QR code, or add it in the app by hand:\n"
            f"  {device.config_url}\n"
            "The admin's login then asks for the app's current 6-digit code."
        )
