from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print the API token of an existing user (created on first use)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user '{username}'. Create the user first.")
        if not user.is_active:
            raise CommandError(f"User '{username}' is not active; activate the account first.")
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
