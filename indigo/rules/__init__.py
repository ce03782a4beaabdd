"""Rules: conditions per product version, their parameters (law as data) and facts."""


def ensure_parameters() -> None:
    """Load the shipped rule parameters into an empty database (the test suite's setup)."""
    from indigo.rules.services import ensure_parameters as ensure

    ensure()
