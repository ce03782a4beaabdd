"""The demo refuses to load over users that are not its own."""

import pytest
from django.contrib.auth import get_user_model

from indigo.cases.models import Application
from indigo.demo.loader import DemoNotPossible, demo_load
from indigo.demo.organisation import COLLEAGUES

pytestmark = pytest.mark.usefixtures("catalog")


def test_usernames_taken_by_other_users_stop_the_load_before_anything_is_written(db):
    get_user_model().objects.create_user("admin", password="someone else's password")

    with pytest.raises(DemoNotPossible, match="admin"):
        demo_load(count=5)

    assert not Application.objects.exists()


def test_a_colleagues_username_taken_by_another_user_stops_the_load(db):
    get_user_model().objects.create_user(COLLEAGUES[0].username, password="their own")

    with pytest.raises(DemoNotPossible, match=COLLEAGUES[0].username):
        demo_load(count=5)

    assert not Application.objects.exists()
