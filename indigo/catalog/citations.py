"""Applicant-facing citations of each product's legal basis (``data/citations.yaml``).

The catalog's ``legal_basis`` is the internal note (with research markers, for the
admin and ``indigo check``); letters, the portal and the API show this citation instead.
"""

from functools import cache
from pathlib import Path

from indigo.catalog.remedies import Words
from indigo.lawdata.loader import Reader

DEFAULT_CITATIONS_PATH = Path(__file__).resolve().parent / "data" / "citations.yaml"


class CitationsReader(Reader):
    def parse(self, data) -> dict[str, Words]:
        where = "citations file"
        if self.mapping(data, where, required={"citations"}) is None:
            return {}
        table = data["citations"]
        if not isinstance(table, dict):
            self.error(where, "citations", "must be a mapping of product codes")
            return {}
        result = {}
        for code, raw in table.items():
            at = f"product '{code}'"
            if self.mapping(raw, at, "citation", required={"nl", "en"}) is None:
                continue
            nl, en = self.text(raw, "nl", at, "citation"), self.text(raw, "en", at, "citation")
            if nl and en:
                result[code] = Words(nl, en)
        return result


def citations_read(*, path: Path | None = None) -> dict[str, Words]:
    return CitationsReader().read(path or DEFAULT_CITATIONS_PATH)


@cache
def _shipped() -> dict[str, Words]:
    return citations_read()


def citation_of(product_code: str) -> Words | None:
    return _shipped().get(product_code)


def citations_missing(*, product_codes, citations: dict[str, Words] | None = None) -> list[str]:
    citations = _shipped() if citations is None else citations
    return [
        f"product '{code}': citation: missing (add the applicant-facing citation of its "
        "legal basis, Dutch and English, to the citations file)"
        for code in sorted(set(product_codes) - set(citations))
    ]
