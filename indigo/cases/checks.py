"""System checks of the lifecycle: every step the table names is provided by an app."""

from django.core.checks import Error, Warning, register

from indigo.cases import steps


@register("lifecycle")
def check_lifecycle_steps(app_configs=None, **kwargs):
    problems = [
        Error(
            f"The lifecycle table names the step {name!r}, but no installed app provides it.",
            hint="Register it with indigo.cases.steps in the providing app's ready().",
            id="cases.E001",
        )
        for name in steps.unregistered()
    ]
    problems += [
        Warning(
            f"The step {name!r} is registered but the lifecycle table never uses it.",
            id="cases.W001",
        )
        for name in steps.unused()
    ]
    return problems
