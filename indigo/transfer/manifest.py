"""The transfer format's envelope: a directory with a manifest, the records and files.

    DIR/manifest.json        {"format": "indigo-transfer", "version": 1, "exported_at",
                              "files": {"applications.jsonl": {"sha256", "bytes"},
                                        "files/<sha256>": {"sha256", "bytes"}, …}}
    DIR/applications.jsonl   one application per line (see docs/migration.md)
    DIR/files/<sha256>       each document's content, named by its SHA-256

Checksums are computed and checked in blocks, so a file of any size is read with
little memory.
"""

import hashlib
import json
from pathlib import Path

FORMAT = "indigo-transfer"
VERSION = 1
RECORDS = "applications.jsonl"
MANIFEST = "manifest.json"
FILES = "files"
BLOCK = 1024 * 1024


class TransferInvalid(Exception):
    """The export as a whole cannot be read; nothing was imported."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while block := stream.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def manifest_write(directory: Path, *, exported_at: str) -> dict:
    files = {}
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST):
        name = path.relative_to(directory).as_posix()
        files[name] = {"sha256": sha256_of(path), "bytes": path.stat().st_size}
    manifest = {"format": FORMAT, "version": VERSION, "exported_at": exported_at, "files": files}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return manifest


def manifest_read(directory: Path) -> dict:
    """The manifest, with the records file checked; TransferInvalid says what is wrong."""
    path = directory / MANIFEST
    if not path.is_file():
        raise TransferInvalid(f"{path}: there is no manifest; is this an Indigo export?")
    try:
        manifest = json.loads(path.read_text())
    except ValueError as exc:
        raise TransferInvalid(f"{path}: not JSON ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise TransferInvalid(f"{path}: the format is {manifest.get('format')!r}, not {FORMAT}")
    if manifest.get("version") != VERSION:
        raise TransferInvalid(
            f"{path}: format version {manifest.get('version')!r}; this Indigo reads version "
            f"{VERSION}"
        )
    entry = manifest.get("files", {}).get(RECORDS)
    if entry is None or not (directory / RECORDS).is_file():
        raise TransferInvalid(f"{directory}: {RECORDS} is missing")
    if sha256_of(directory / RECORDS) != entry.get("sha256"):
        raise TransferInvalid(f"{RECORDS}: the SHA-256 does not match the manifest")
    return manifest


def file_check(directory: Path, manifest: dict, name: str) -> Path:
    """A document file named in a record, checked against the manifest."""
    entry = manifest.get("files", {}).get(name)
    path = directory / name
    if entry is None or not path.is_file():
        raise ValueError(f"the file {name} is not in the export")
    if sha256_of(path) != entry["sha256"]:
        raise ValueError(f"the file {name} does not match its SHA-256 in the manifest")
    return path
