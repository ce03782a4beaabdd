"""Applicants who log in through OpenID Connect (installed only when configured:
`indigo.portal.conf`).

A person is recognised by the provider's subject identifier (`sub`, pseudonymous and
stable), never by e-mail address: two people can share an address, and an address
can change hands. Accounts made here are applicant accounts only; a staff account can
never be reached through this login.
"""

import hashlib

from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from indigo.accounts.roles import Role, grant_role
from indigo.portal.models import ExternalIdentity


class ApplicantOIDCBackend(OIDCAuthenticationBackend):
    def _issuer(self) -> str:
        return self.OIDC_OP_TOKEN_ENDPOINT

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("sub"))

    def describe_user_by_claims(self, claims) -> str:
        return "an OIDC subject"  # never log the identifier itself

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(
            portal_identity__issuer=self._issuer(), portal_identity__subject=claims["sub"]
        )

    def create_user(self, claims):
        digest = hashlib.sha256(f"{self._issuer()}|{claims['sub']}".encode()).hexdigest()
        with transaction.atomic():
            user = self.UserModel.objects.create_user(
                f"oidc-{digest[:24]}",
                email=claims.get("email", ""),
                first_name=claims.get("given_name", "")[:150],
                last_name=claims.get("family_name", "")[:150],
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            grant_role(user, Role.APPLICANT)
            ExternalIdentity.objects.create(user=user, issuer=self._issuer(), subject=claims["sub"])
        return user

    def update_user(self, user, claims):
        email = claims.get("email")
        if email and email != user.email:
            user.email = email
            user.save(update_fields=["email"])
        return user
