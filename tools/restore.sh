#!/usr/bin/env bash
# Restore a backup made by tools/backup.sh into an EMPTY database and an empty dossier
# directory, after checking the backup's own checksums. See docs/backup.md.
#   tools/restore.sh BACKUP_DIR NEW_DATABASE_URL NEW_DOSSIER_DIR
set -euo pipefail
backup=${1:?BACKUP_DIR}; db_url=${2:?NEW_DATABASE_URL}; dossier=${3:?NEW_DOSSIER_DIR}
(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
pg_restore --no-owner --exit-on-error --dbname="$db_url" "$backup/indigo.dump"
mkdir -p "$dossier"
tar -C "$dossier" -xzf "$backup/dossier.tar.gz"
echo "Restored into $db_url and $dossier; now run: indigo verify-audit and indigo verify-dossier"
