"""Who delivers which topic of the outbox: filled from the apps' `AppConfig.ready()`.

    @outbox.handler("notifications.email")
    def send_email(message: Message) -> str: ...

A handler does the work outside any transaction of the change that caused it, may
take its time (render a PDF, call a partner), must be idempotent (it may run again
after a crash), and raises to say "not now, try again later". What it returns is
kept as the delivery's note.
"""

from collections.abc import Callable

_handlers: dict[str, Callable] = {}


class UnknownTopic(LookupError):
    pass


def handler(topic: str):
    def register(function: Callable) -> Callable:
        known = _handlers.get(topic)
        if known is not None and known is not function:
            raise ValueError(f"Outbox topic {topic!r} has two handlers: {known} and {function}.")
        _handlers[topic] = function
        return function

    return register


def handler_for(topic: str) -> Callable:
    try:
        return _handlers[topic]
    except KeyError:
        raise UnknownTopic(f"No handler is registered for the outbox topic {topic!r}.") from None


def topics() -> list[str]:
    return sorted(_handlers)
