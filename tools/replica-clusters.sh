#!/usr/bin/env bash
# A primary and its streaming replica, as two extra PostgreSQL clusters on this machine
# (ports 5434 and 5435), for the read-replica tests (`make test-replica`). Leaves the
# machine's own cluster (5432) alone. Idempotent: re-running keeps clusters that run.
# Needs root (pg_createcluster) and Debian's postgresql-common.
set -euo pipefail

VERSION="$(ls /etc/postgresql | sort -V | tail -1)"
PRIMARY=indigo_primary
REPLICA=indigo_replica
PRIMARY_PORT="${INDIGO_PRIMARY_PORT:-5434}"
REPLICA_PORT="${INDIGO_REPLICA_PORT:-5435}"

running() { pg_lsclusters -h | awk -v c="$1" '$2 == c && $4 ~ /^online/' | grep -q .; }
exists() { pg_lsclusters -h | awk -v c="$1" '$2 == c' | grep -q .; }

if ! exists "$PRIMARY"; then
  pg_createcluster "$VERSION" "$PRIMARY" -p "$PRIMARY_PORT" -- --auth=trust >/dev/null
  cat > "/etc/postgresql/$VERSION/$PRIMARY/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
HBA
  cat >> "/etc/postgresql/$VERSION/$PRIMARY/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
fsync = off
CONF
fi
running "$PRIMARY" || pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$PRIMARY" start

if ! exists "$REPLICA"; then
  pg_createcluster "$VERSION" "$REPLICA" -p "$REPLICA_PORT" >/dev/null
  data="/var/lib/postgresql/$VERSION/$REPLICA"
  find "$data" -mindepth 1 -delete
  # -R writes standby.signal and the connection to the primary: a hot standby.
  su postgres -c "pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D $data -R -X stream"
  cat >> "/etc/postgresql/$VERSION/$REPLICA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
hot_standby = on
CONF
  cp "/etc/postgresql/$VERSION/$PRIMARY/pg_hba.conf" "/etc/postgresql/$VERSION/$REPLICA/pg_hba.conf"
fi
running "$REPLICA" || pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" start

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p "$REPLICA_PORT" -q && break
  sleep 1
done
psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -tAc "SELECT pg_is_in_recovery()" | grep -q t
echo "primary on $PRIMARY_PORT, streaming replica on $REPLICA_PORT"
