#!/usr/bin/env bash
# Web load (not part of test.sh): SocialCard.Web on a throw-away PostgreSQL with N people, loopback only.
#   bench/web-load.sh [people=1000000] [rate=1000] [seconds=20] [clients=20]
# 1. card-status look-ups (GET /api/v1/cards/{personal number}, API key, random people of the N): closed loop at
#    16 connections (the most the box serves), then open loop at <rate> req/s for <seconds> s (latency from when each
#    request was due: no coordinated omission); requests/s, p50/p90/p99.
# 2. one 50-photo package at a time (5 rounds), then <clients> concurrent 50-photo packages (devset photos named by the unit's people) through POST /api/v1/batches,
#    polled until every photo has its verdict: median and p95 time from the start of the upload.
# Bounded: every step has a fixed length; the cluster, the site and the temp folder go away on exit.
# Writes the numbers to bench/RESULTS.md under "## Web load" (replacing that section only).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
people="${1:-1000000}"
rate="${2:-1000}"
seconds="${3:-20}"
clients="${4:-20}"
export SC_ARTIFACTS="${SC_ARTIFACTS:-/tmp/art-web-load}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/SocialCard.Web/SocialCard.Web.csproj -c Release -nologo -v q >/dev/null
dotnet build bench/web-load/WebLoad.csproj -c Release -nologo -v q >/dev/null
web_dir="$SC_ARTIFACTS/bin/SocialCard.Web/release"
load_dll="$SC_ARTIFACTS/bin/WebLoad/release/WebLoad.dll"

tmp="$(mktemp -d /tmp/sc-web-load-XXXXXX)"
bin="${SC_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
web_pid=""
cleanup() {
  if [ -n "$web_pid" ] && kill -0 "$web_pid" 2>/dev/null; then kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; fi
  if [ -f "$tmp/data/postmaster.pid" ]; then as_pg "$bin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pg_port="$(free_port)"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$tmp"; fi
as_pg "$bin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-p $pg_port -k $tmp -h 127.0.0.1 -c shared_buffers=256MB -c max_wal_size=4GB -c max_connections=200" start >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE web" >/dev/null
conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=web;Maximum Pool Size=64;Command Timeout=1200"
field_key="$(head -c 32 /dev/urandom | base64)"
api_key="load-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
api_sha="$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)"
web_port="$(free_port)"
base="http://127.0.0.1:$web_port"

# The site: demo units, accounts and 400 people seeded by the host itself; one integrator key for every unit with a
# limit far above the load (the per-key limiter still runs on every request).
(cd "$web_dir" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet SocialCard.Web.dll \
  --Urls "$base" \
  --Storage:Provider PostgreSql --Storage:ConnectionString "$conn" --Storage:EncryptionKey "$field_key" \
  --Storage:DataDirectory "$tmp/web" \
  --Demo:Seed true --Demo:Units 8 --Demo:People 400 --Site:DemoOnPostgreSql true \
  --ApiKeys:Keys:0:Name load --ApiKeys:Keys:0:Sha256 "$api_sha" --ApiKeys:Keys:0:PermitsPerMinute 100000000 \
  --ApiKeys:Keys:0:Units:0 '*' \
  --PhotoCheck:FaceModelDirectory "$repo/models/face-api" \
  --Logging:LogLevel:Default Warning --Logging:LogLevel:SocialCard.Web.Features.Portal.PhotoUploadService Information) >"$tmp/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "$base/healthz" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "$base/healthz" >/dev/null || { echo "site did not start:"; tail -50 "$tmp/web.log"; exit 1; }

out="$tmp/load"
mkdir -p "$out"
echo "web-load: people=$people rate=$rate seconds=$seconds clients=$clients cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/report.txt"
dotnet "$load_dll" seed --conn "$conn" --key "$field_key" --people "$people" --unit-people $((clients * 50)) --out "$out" | tee -a "$out/report.txt"
unit="$(cat "$out/unit-code.txt")"
# Let PostgreSQL settle after the bulk load (vacuum, visibility map, checkpoint) so autovacuum and the checkpointer
# do not run inside the measured windows, as on a database that has been live for a while.
"$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d web -qc "VACUUM (ANALYZE)" -c "CHECKPOINT" >/dev/null

echo "web-load: status load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
dotnet "$load_dll" status --base "$base" --api-key "$api_key" --numbers "$out/status-numbers.txt" --rate 0 --concurrency 16 --seconds 5 >/dev/null # warm-up
# CPU seconds (user+system) of the site, of PostgreSQL (postmaster and its backends) and of the load client.
cpu_seconds() { local p; for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null; done | awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.1f", t / hz }'; }
pg_pids() { local pm; pm="$(head -1 "$tmp/data/postmaster.pid")"; echo "$pm" $(ps -o pid= --ppid "$pm"); }
web_cpu0="$(cpu_seconds "$web_pid")"; pg_cpu0="$(cpu_seconds $(pg_pids))"
/usr/bin/time -f "%U %S" -o "$out/client-cpu.txt" dotnet "$load_dll" status --base "$base" --api-key "$api_key" --numbers "$out/status-numbers.txt" --rate 0 --concurrency 16 --seconds 10 | tee -a "$out/report.txt"
web_cpu1="$(cpu_seconds "$web_pid")"; pg_cpu1="$(cpu_seconds $(pg_pids))"
echo "status closed-loop CPU seconds over the 10 s: site $(awk "BEGIN { print $web_cpu1 - $web_cpu0 }"), PostgreSQL $(awk "BEGIN { print $pg_cpu1 - $pg_cpu0 }") (backends that ended in between not counted), load client $(awk '{ print $1 + $2 }' "$out/client-cpu.txt")" | tee -a "$out/report.txt"
dotnet "$load_dll" status --base "$base" --api-key "$api_key" --numbers "$out/status-numbers.txt" --rate "$rate" --seconds "$seconds" --warmup 3 | tee -a "$out/report.txt"

echo "web-load: single 50-photo package, 5 rounds one after another, load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
for _ in 1 2 3 4 5; do
  dotnet "$load_dll" uploads --base "$base" --api-key "$api_key" --unit "$unit" --numbers "$out/unit-numbers.txt" \
    --devset "$(cd .. && pwd)/shared/photos/devset" --clients 1 --photos 50 | tee -a "$out/report.txt"
done
# Where the time of those single packages went, as the site logged it (check, store, record the verdicts).
grep -o "Batch [0-9]*: 50 photo(s) checked in .*" "$tmp/web.log" | tail -5 | sed 's/^/site: /' | tee -a "$out/report.txt"
echo "web-load: uploads load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
dotnet "$load_dll" uploads --base "$base" --api-key "$api_key" --unit "$unit" --numbers "$out/unit-numbers.txt" \
  --devset "$(cd .. && pwd)/shared/photos/devset" --clients "$clients" --photos 50 | tee -a "$out/report.txt"

if grep -q "Exception\|fail:" "$tmp/web.log"; then echo "web-load: the site logged errors:"; grep -m 20 "Exception\|fail:" "$tmp/web.log"; fi

{
  echo "## Web load"
  echo
  echo "bench/web-load.sh $people $rate $seconds $clients — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared with other builds, loopback, SocialCard.Web (Release, Kestrel) on PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), client and server on the same machine."
  echo
  echo '```'
  cat "$out/report.txt"
  echo '```'
} > "$out/section.md"
# Replace this script's own section (other benchmarks write other sections), or append it.
python3 - "$out/section.md" bench/RESULTS.md <<'PY'
import sys, re, os
section = open(sys.argv[1], encoding="utf-8").read().rstrip() + "\n"
path = sys.argv[2]
text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
m = re.search(r"^## Web load\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
if m:
    text = text[:m.start()] + section + ("\n" if text[m.end():] else "") + text[m.end():]
else:
    text = text.rstrip() + ("\n\n" if text else "") + section
open(path, "w", encoding="utf-8").write(text)
PY
echo "web-load: written to bench/RESULTS.md (## Web load)"
