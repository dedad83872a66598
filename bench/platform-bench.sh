#!/usr/bin/env bash
# Platform benchmarks (not part of the test run): bulk import of N people into PostgreSQL with binary COPY (ID numbers
# and phones AES-GCM encrypted, HMAC lookup columns filled, as in production), then exact look-ups by ID number
# through the HMAC column index (median and p99); then a 50-photo unit batch end to end with the real photo engine
# (zip -> intake -> store -> pre-review job -> failure-list .xlsx) on the same database, median of N runs.
#   bench/platform-bench.sh [rows=1000000] [lookups=2000] [provider=PostgreSql|Sqlite] [batch-runs=5]
# rows=0 skips the import and look-ups; batch-runs=0 skips the batch.
# PostgreSQL: a throw-away cluster is created with Debian's postgresql (newest /usr/lib/postgresql/*/bin, or SC_PG_BIN)
# under a temp dir (owned by the postgres user when run as root), on 127.0.0.1 and a free port, deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
lookups="${2:-2000}"
provider="${3:-PostgreSql}"
batch_runs="${4:-5}"
export SC_ARTIFACTS="${SC_ARTIFACTS:-/tmp/art-platform-bench}"
dotnet build tests/SocialCard.Platform.CrashWorker/SocialCard.Platform.CrashWorker.csproj -c Release -nologo -v q >/dev/null
dll="$SC_ARTIFACTS/bin/SocialCard.Platform.CrashWorker/release/SocialCard.Platform.CrashWorker.dll"
key="$(head -c 32 /dev/urandom | base64)"
tmp="$(mktemp -d /tmp/sc-bench-XXXXXX)"
bin="${SC_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
# PostgreSQL refuses to run as root: as root the server runs as the postgres user, otherwise as the caller.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -f "$tmp/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$provider" = "PostgreSql" ]; then
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$tmp"; fi
  as_pg "$bin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durable settings (fsync on): the import number is what a real server would see, minus network.
  as_pg "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
    -o "-p $port -k $tmp -h 127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=30min" start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null
  conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=bench;Command Timeout=600"
else
  conn="Data Source=$tmp/bench.db"
fi

echo "platform-bench: provider=$provider rows=$rows lookups=$lookups batch_runs=$batch_runs cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$rows" -gt 0 ]; then
  dotnet "$dll" bench --provider "$provider" --conn "$conn" --key "$key" --data "$tmp" --rows "$rows" --lookups "$lookups"
fi
if [ "$batch_runs" -gt 0 ]; then
  echo "platform-bench: batch load=$(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$dll" batch-bench --provider "$provider" --conn "$conn" --key "$key" --data "$tmp" --runs "$batch_runs" \
    --devset "$(cd .. && pwd)/shared/photos/devset" --models "$(pwd)/models/face-api"
fi
