"""Rule sets per product; importing this package registers them."""

from indigo.rules.products import asylum, family, residence, study_exchange, work  # noqa: F401
