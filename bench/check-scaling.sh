#!/usr/bin/env bash
# check --jobs N scaling: photos per second of the real CLI over a folder, at 1 and 2 jobs (or the job counts given).
#
#   bench/check-scaling.sh [DIR] [REPEATS] [JOBS...]
#   defaults: DIR=../shared/photos/devset/images (relative to the repository root), REPEATS=3, JOBS="1 2"
#
# Publishes the command line if needed (scripts/setup.d/90-cli.sh), then for each job count runs
#   artifacts/cli/socialcard check DIR --profile suzhou-sscard --format json --jobs N
# REPEATS times and keeps the fastest run (the least disturbed by other work on the machine). Start-up (process,
# JIT, profile and model loading) is measured by checking one photo the same way and is reported separately:
#   raw photos/s = photos / wall time;  net photos/s = photos / (wall time - start-up time).
# cpu_s is the CPU time of the run (user+sys) and cores = cpu_s / wall_s, the cores the run really got: when other
# work loads the machine, --jobs 2 cannot go faster than the idle CPU it finds, and this column shows it.
# The JSON output is checked to hold one report per photo, so a crash cannot pass for a fast run.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${1:-}" ]; then dir="$(realpath "$1")"; label="$1"; else
  dir="$repo/../shared/photos/devset/images"; label="../shared/photos/devset/images"; fi
repeats="${2:-3}"
shift $(( $# > 2 ? 2 : $# )) || true
jobs_list=("$@")
if [ ${#jobs_list[@]} -eq 0 ]; then jobs_list=(1 2); fi

cd "$repo"
bash scripts/setup.d/90-cli.sh >&2

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
one_photo="$(find "$dir" -maxdepth 1 -type f -name '*.jpg' | sort | head -n 1)"
mkdir "$tmp/one" && cp "$one_photo" "$tmp/one/"

# run_check DIR JOBS OUT -> sets run_wall, run_cpu; exit status of check is 0 or 1 (1 = some photo not pass; GNU time
# then writes a "Command exited with non-zero status" line before the figures, hence tail -n 1).
run_check() {
  local rc=0
  /usr/bin/time -f '%e %U %S' -o "$3.time" \
    artifacts/cli/socialcard check "$1" --profile suzhou-sscard --format json \
    --jobs "$2" >"$3" 2>"$3.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "check failed (exit $rc):" >&2
    cat "$3.err" >&2
    exit 1
  fi
  read -r run_wall run_cpu < <(tail -n 1 "$3.time" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }')
}

best_of() { # DIR JOBS -> sets best_wall, best_cpu (the fastest of $repeats runs); leaves the last JSON in $tmp/out.json
  best_wall=""
  best_cpu=""
  for _ in $(seq "$repeats"); do
    run_check "$1" "$2" "$tmp/out.json"
    if [ -z "$best_wall" ] || [ "$(echo "$run_wall < $best_wall" | bc -l)" = 1 ]; then best_wall=$run_wall; best_cpu=$run_cpu; fi
  done
}

photos=$(find "$dir" -type f | wc -l)
best_of "$tmp/one" 1
startup=$best_wall
printf 'check-scaling  %s  (%s files, profile suzhou-sscard, best of %s runs, %s, %s CPUs)\n' \
  "$label" "$photos" "$repeats" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)"
printf 'start-up (check of 1 photo): %.2f s\n' "$startup"
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %7s %8s %8s %6s %12s %12s %8s\n' jobs photos wall_s cpu_s cores raw_photo/s net_photo/s speedup
base=""
for j in "${jobs_list[@]}"; do
  best_of "$dir" "$j"
  wall=$best_wall
  cpu=$best_cpu
  reported=$(jq '.photos | length' "$tmp/out.json")
  if [ "$reported" -ne "$photos" ]; then
    echo "jobs $j: the report lists $reported photos, expected $photos" >&2
    exit 1
  fi
  raw=$(echo "$photos / $wall" | bc -l)
  net=$(echo "$photos / ($wall - $startup)" | bc -l)
  if [ -z "$base" ]; then base=$net; fi
  printf '%-6s %7d %8.2f %8.2f %6.2f %12.1f %12.1f %7.2fx\n' "$j" "$photos" "$wall" "$cpu" "$(echo "$cpu / $wall" | bc -l)" \
    "$raw" "$net" "$(echo "$net / $base" | bc -l)"
done
