"""The worker's task: deliver one outbox message (django-tasks)."""

from django_tasks import task

from indigo.outbox.services import outbox_deliver


@task()
def deliver(message_id: int) -> str:
    return outbox_deliver(message_id=message_id).state
