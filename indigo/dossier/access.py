"""Who may add to and open an application's dossier: decided here, in one place.

Seeing the dossier follows seeing the application (`indigo.cases.access`). Adding to
it is for the staff who handle or receive documents, and for the applicant on their
own application; the contact centre answers questions and does not add documents.
"""

from indigo.accounts.roles import Role, has_role, is_staff_member
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
    """Staff who see the application and the applicant themselves open its dossier; a
    sponsor sees the application's progress, not the migrant's passport (issue 9)."""
    if not (is_staff_member(user) or application.applicant.user_id == user.pk):
        return False
    return applications_visible_to(user).filter(pk=application.pk).exists()
