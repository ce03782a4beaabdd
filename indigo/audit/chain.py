"""Hash chains: history that proves it was not rewritten.

Every row of a chained table stores `content_hash`, a SHA-256 over its own content in
a canonical form, and `chain_hash`, a SHA-256 over the previous row's `chain_hash` and
its own `content_hash`. Changing, removing or inserting a row breaks the link at that
row; `indigo verify-audit` walks every chain and names the first broken link.

The chain runs over the content *hash*, not the content: retention may anonymise a
row's personal data (writing `redacted_at`) and the chain still verifies, because the
stored content hash is kept. A redacted row's content can no longer be checked against
its hash, so verification then asks that the redaction itself is on record (a chained
retention entry in the processing log).

Concurrent writers: each chain has one head row (`ChainHead`), locked with SELECT …
FOR UPDATE in the writer's transaction, so on PostgreSQL two transactions never link
to the same predecessor; the lock is held until commit. SQLite serialises writes anyway.
Application events form one chain per application (the application row is usually
locked by the service already), so busy applications do not wait for each other.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import models, transaction

GENESIS = "0" * 64

_models: list[type[models.Model]] = []


def register(model) -> None:
    """`model` has `content_hash`, `chain_hash`, `chain_key()` and `chain_content()`."""
    if model not in _models:
        _models.append(model)


def chained_models() -> list:
    return list(_models)


def _plain(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not part of a chained row")


def content_hash(content: dict) -> str:
    canonical = json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def link(previous: str, content: str) -> str:
    return hashlib.sha256(f"{previous}:{content}".encode()).hexdigest()


class ChainHead(models.Model):
    """The last link of one chain: the row a writer locks to append."""

    chain = models.CharField(max_length=80, primary_key=True)
    last_hash = models.CharField(max_length=64, default=GENESIS)
    length = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "audit"

    def __str__(self) -> str:
        return f"{self.chain} ({self.length})"


# Chains that exist from the start (made by migration and after a test flush), so that a
# writer's first link costs no extra queries.
FIXED_CHAINS = ("access-trace", "processing-log")


def chain_heads_ensure() -> None:
    for key in FIXED_CHAINS:
        ChainHead.objects.get_or_create(chain=key)


def _locked_head(key: str) -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(chain=key).first()
    if head is None:
        ChainHead.objects.get_or_create(chain=key)  # a race for the first link: one wins
        head = ChainHead.objects.select_for_update().get(chain=key)
    return head


def chain_seal(*rows, new_chain: bool = False) -> None:
    """Fill the rows' hashes as the next links of their chains, in the order given.

    Call just before inserting them, inside the transaction that inserts them: the
    chains' heads stay locked until it commits. `new_chain`: the rows start their
    chains (an application's first event): the heads are written, not looked for.
    """
    assert transaction.get_connection().in_atomic_block, "a link is written inside a transaction"
    by_key: dict[str, list] = {}
    for row in rows:
        by_key.setdefault(row.chain_key(), []).append(row)
    for key in sorted(by_key):  # one lock order for every writer: no deadlocks
        head = ChainHead(chain=key) if new_chain else _locked_head(key)
        for row in by_key[key]:
            row.content_hash = content_hash(row.chain_content())
            row.chain_hash = link(head.last_hash, row.content_hash)
            head.last_hash = row.chain_hash
            head.length += 1
        if new_chain:
            head.save(force_insert=True)  # a second "first" link fails: the key is unique
        else:
            head.save(update_fields=["last_hash", "length"])


@dataclass(frozen=True)
class BrokenLink:
    table: str
    chain: str
    row_id: int
    problem: str

    def __str__(self) -> str:
        return f"{self.table} row {self.row_id} (chain {self.chain}): {self.problem}"


@dataclass
class ChainReport:
    table: str
    chains: int = 0
    rows: int = 0
    broken: BrokenLink | None = None


def verify_model(model, *, redaction_on_record=None) -> ChainReport:
    """Walk every chain of `model`, link by link; stop at the first broken link.

    Rows are read chain by chain (`model.CHAIN_ORDERING`), so memory stays flat at
    millions of rows. `redaction_on_record(row)` says whether a redacted row's
    anonymisation is on record.
    """
    table = model._meta.db_table
    report = ChainReport(table=table)
    heads = {h.chain: h for h in ChainHead.objects.filter(chain__startswith=model.CHAIN_PREFIX)}
    seen: set[str] = set()
    key, previous, count, last_pk = None, GENESIS, 0, 0

    def head_matches() -> BrokenLink | None:
        head = heads.get(key)
        if head is None or head.last_hash != previous or head.length != count:
            # The head remembers the last link: rows cut off a chain's end show here.
            told = head.length if head else 0
            return BrokenLink(
                table, key, last_pk, f"chain ends after {count} rows, its head says {told}"
            )
        return None

    for row in model.objects.order_by(*model.CHAIN_ORDERING).iterator(chunk_size=2000):
        row_key = row.chain_key()
        if row_key != key:
            if key is not None and (broken := head_matches()):
                report.broken = broken
                return report
            key, previous, count = row_key, GENESIS, 0
            seen.add(key)
        report.rows += 1
        count += 1
        last_pk = row.pk
        if getattr(row, "redacted_at", None) is not None:
            if redaction_on_record is None or not redaction_on_record(row):
                report.broken = BrokenLink(
                    table, key, row.pk, "redacted without a retention record"
                )
                return report
        elif content_hash(row.chain_content()) != row.content_hash:
            report.broken = BrokenLink(table, key, row.pk, "content does not match its hash")
            return report
        if link(previous, row.content_hash) != row.chain_hash:
            report.broken = BrokenLink(
                table, key, row.pk, "does not link to the row before it (a row removed or inserted)"
            )
            return report
        previous = row.chain_hash
    if key is not None and (broken := head_matches()):
        report.broken = broken
        return report
    report.chains = len(seen)
    for missing in sorted(set(heads) - seen):
        if heads[missing].length:
            report.broken = BrokenLink(table, missing, 0, "every row of this chain is gone")
            return report
    return report
