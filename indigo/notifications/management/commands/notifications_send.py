"""`indigo notifications_send`: send the e-mails still waiting (a failed attempt is
tried again, up to INDIGO_NOTIFICATION_MAX_ATTEMPTS). Safe to run at any time."""

from django.core.management.base import BaseCommand

from indigo.notifications.services import notifications_send


class Command(BaseCommand):
    help = "Send the notification e-mails still waiting, retrying failed ones."

    def handle(self, *args, **options):
        counts = notifications_send()
        self.stdout.write(
            "Notifications: {sent} sent, {waiting} still waiting (will be retried), "
            "{failed} failed for good, {skipped} not sent (no e-mail address).".format(**counts)
        )
