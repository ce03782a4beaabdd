"""Who may add to and open an application's dossier: decided here, in one place.

Seeing the dossier follows seeing the application (`indigo.cases.access`). Adding to
it is for the staff who handle or receive documents, and for the applicant on their
own application; the contact centre answers questions and does not add documents.
"""

from indigo.accounts.roles import Role, has_role
from indigo.cases.access import applications_visible_to
from indigo.cases.models import Application

UPLOADING_STAFF = frozenset({Role.ADMIN, Role.CASEWORKER, Role.SPECIALIST, Role.DESK, Role.MANAGER})


def may_upload(user, application: Application) -> bool:
    if not user.is_authenticated:
        return False
    if has_role(user, *UPLOADING_STAFF):
        return True
    return has_role(user, Role.APPLICANT) and application.applicant.user_id == user.pk


def may_open(user, application: Application) -> bool:
    return applications_visible_to(user).filter(pk=application.pk).exists()
