"""Concurrent "get next": no item is ever handed to two people."""

import threading

import pytest
from django.db import connection

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.work.models import Task
from indigo.work.services import work_get_next

WORKERS = 4
ITEMS = 40


@pytest.mark.django_db(transaction=True)
def test_parallel_workers_never_receive_the_same_item(regular_unit):
    desk = user_with_role("desk", units=[regular_unit])
    for _ in range(ITEMS):
        make_application(actor=desk, product="study")
    workers = [user_with_role("caseworker", units=[regular_unit]) for _ in range(WORKERS)]
    handed: dict[int, list[int]] = {w.pk: [] for w in workers}
    errors: list[BaseException] = []
    start = threading.Barrier(WORKERS)

    def work(user):
        try:
            start.wait()
            while (task := work_get_next(actor=user)) is not None:
                handed[user.pk].append(task.pk)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert errors == []
    all_ids = [pk for ids in handed.values() for pk in ids]
    assert len(all_ids) == len(set(all_ids)) == ITEMS
    for user_pk, ids in handed.items():
        assert set(Task.objects.filter(pk__in=ids).values_list("assignee_id", flat=True)) <= {
            user_pk
        }
    assert ApplicationEvent.objects.filter(action="take-ownership").count() == ITEMS
