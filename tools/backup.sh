#!/usr/bin/env bash
# Back up Indigo: the database (pg_dump, custom format) and the document store (a tar of
# the dossier directory), with a SHA256SUMS file over both. See docs/backup.md.
#   tools/backup.sh DATABASE_URL DOSSIER_DIR OUT_DIR
set -euo pipefail
db_url=${1:?DATABASE_URL}; dossier=${2:?DOSSIER_DIR}; out=${3:?OUT_DIR}
mkdir -p "$out"
# The database first: a document stored after the dump is harmless (no row points to
# it); a row without its file would not be.
pg_dump --format=custom --no-owner --file="$out/indigo.dump" --dbname="$db_url"
tar -C "$dossier" -czf "$out/dossier.tar.gz" .
(cd "$out" && sha256sum indigo.dump dossier.tar.gz > SHA256SUMS)
echo "Backup written to $out"
