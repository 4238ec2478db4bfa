#!/usr/bin/env bash
# Install, start and prepare a local PostgreSQL for the store tests (idempotent).
# Prints the test URL; CI runs the tests with COMMUNIQUE_TEST_PG set to it:
#   export COMMUNIQUE_TEST_PG="$(scripts/ci-postgres.sh)"
# The role and database are local to the CI machine and reachable only on 127.0.0.1.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
ROLE="${COMMUNIQUE_PG_ROLE:-communique}"
DB="${COMMUNIQUE_PG_DB:-communique_test}"
PORT="${COMMUNIQUE_PG_PORT:-5432}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"

as_postgres() { su postgres -c "$*" ; }
if ! as_postgres "psql -p $PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$ROLE'\"" | grep -qx 1; then
  as_postgres "psql -p $PORT -qc \"CREATE ROLE $ROLE LOGIN PASSWORD '$ROLE'\"" >&2
fi
if ! as_postgres "psql -p $PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -qx 1; then
  as_postgres "createdb -p $PORT -O $ROLE $DB" >&2
fi
echo "postgresql+psycopg://$ROLE:$ROLE@127.0.0.1:$PORT/$DB"
