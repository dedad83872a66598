#!/usr/bin/env bash
# The whole check as a user runs it against face-api.js in the same run.
#
#   bench/cli-vs-faceapi.sh [ROUNDS=3]
#
# Photos: 100 of ../shared/photos/devset/images (ID photos, mostly 358x441), spread over the people of labels.tsv: the
# people in name order, each person's complete JPEG files in name order (face-api's decoder needs whole JPEGs), taken
# round-robin (one photo of every person first) -- the same 100 for both sides, listed in the output.
# Each round, interleaved, on an otherwise shared machine:
#   1. `socialcard check DIR --profile suzhou-sscard --format json --jobs 1` over 1 photo and over the 100 photos,
#      pinned to CPU 1 (taskset); the CLI's cost per photo at the margin = (T(100) - T(1)) / 99 (start-up, model
#      loading and JIT warm-up of the first photo cancel out; the warm-up of the other 99 stays in);
#   2. the same over the 100 photos with --jobs 2, not pinned (scaling = net rate at 2 jobs / net rate at 1 job);
#   3. face-api 1.7.15 on tfjs-wasm 4.22.0 (tools/face-reference/time-photos.js, pinned to CPU 1): detectAllFaces +
#      withFaceLandmarks + withFaceExpressions with its default options, per photo, decoding left out.
# Reported per round and as the median over rounds: wall ms per photo of each side, CPU ms (user+sys) per photo, the
# ratio face-api / CLI, and the --jobs 2 scaling. The CLI runs as artifacts/cli/socialcard (the fast build ./setup.sh publishes).
# Needs: ./setup.sh done, `cd tools/face-reference && npm install` done.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
rounds="${1:-3}"
devset="$repo/../shared/photos/devset"
cli="$repo/artifacts/cli/socialcard"
[ -x "$cli" ] || { echo "cli-vs-faceapi: $cli missing: run ./setup.sh" >&2; exit 1; }
[ -d tools/face-reference/node_modules ] || { echo "cli-vs-faceapi: run 'cd tools/face-reference && npm install' first" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/p100" "$tmp/p1"
python3 - "$devset/labels.tsv" > "$tmp/names.txt" <<'PY'
import os, sys, collections
images = os.path.join(os.path.dirname(sys.argv[1]), "images")
def whole_jpeg(name):  # face-api's decoder (jpeg-js) needs a complete JPEG; the CLI gets exactly the same files
    data = open(os.path.join(images, name), "rb").read()
    return data[:2] == b"\xff\xd8" and data.rstrip(b"\0")[-2:] == b"\xff\xd9"
people = collections.defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]:
    cells = line.split("\t")
    if len(cells) > 3 and whole_jpeg(cells[0]):
        people[cells[3]].append(cells[0])
queues = [sorted(people[p]) for p in sorted(people)]
picked = []
while len(picked) < 100 and any(queues):
    for q in queues:
        if q and len(picked) < 100:
            picked.append(q.pop(0))
print("\n".join(picked))
PY
while read -r name; do cp "$devset/images/$name" "$tmp/p100/"; echo "$tmp/p100/$name" >> "$tmp/list.txt"; done < "$tmp/names.txt"
cp "$tmp/p100/$(head -n 1 "$tmp/names.txt")" "$tmp/p1/"
photos=$(wc -l < "$tmp/names.txt")

# run_cli CPUSET DIR JOBS -> prints "wall_s cpu_s"; checks the report lists every photo.
run_cli() {
  local pin=() rc=0
  [ "$1" = "-" ] || pin=(taskset -c "$1")
  "${pin[@]}" /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$cli" check "$2" --profile suzhou-sscard --format json --jobs "$3" \
    > "$tmp/out.json" 2> "$tmp/err" || rc=$?
  if [ "$rc" -gt 1 ]; then echo "check failed (exit $rc):" >&2; cat "$tmp/err" >&2; exit 1; fi
  local n; n=$(jq '.photos | length' "$tmp/out.json")
  [ "$n" -eq "$(find "$2" -type f | wc -l)" ] || { echo "the report lists $n photos" >&2; exit 1; }
  tail -n 1 "$tmp/time" | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}

echo "cli-vs-faceapi: $photos devset photos spread over people, $rounds rounds, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "photos: $(tr '\n' ' ' < "$tmp/names.txt")"
for r in $(seq "$rounds"); do
  read -r w1 c1 < <(run_cli 1 "$tmp/p1" 1)
  read -r wn cn < <(run_cli 1 "$tmp/p100" 1)
  read -r w2 c2 < <(run_cli - "$tmp/p100" 2)
  fa=$(cd tools/face-reference && taskset -c 1 node time-photos.js "$tmp/list.txt" wasm 1)
  echo "round $r: cli1 $w1 $c1 cli100 $wn $cn cli100j2 $w2 $c2 | $fa | load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$tmp/rounds.txt"
done

python3 - "$tmp/rounds.txt" "$photos" <<'PY'
import re, statistics, sys
n = int(sys.argv[2])
rows = []
for line in open(sys.argv[1]):
    v = line.split()
    w1, c1, wn, cn, w2, c2 = (float(v[i]) for i in (3, 4, 6, 7, 9, 10))
    fa = dict(re.findall(r"(\w+)=([\d.]+)", line))
    cli_ms, cli_cpu = (wn - w1) * 1000 / (n - 1), (cn - c1) * 1000 / (n - 1)
    fa_ms, fa_cpu = float(fa["mean_ms"]), float(fa["cpu_ms"])
    j2_ms = (w2 - w1) * 1000 / (n - 1)
    rows.append((cli_ms, cli_cpu, fa_ms, fa_cpu, fa_ms / cli_ms, fa_cpu / cli_cpu, j2_ms, cli_ms / j2_ms, c2 / w2, w1))
head = ("CLI ms", "CLI cpu", "fa ms", "fa cpu", "ratio", "cpu ratio", "jobs2 ms", "scaling", "j2 cores", "1-photo s")
print("per photo at the margin; ratio = face-api / CLI (wall, then CPU); scaling = CLI ms at 1 job / at 2 jobs;")
print("j2 cores = CPU / wall of the 2-job run (the cores it really got)")
print(f"{'':8}" + "".join(f"{h:>10}" for h in head))
for i, r in enumerate(rows, 1):
    print(f"round {i:<2}" + "".join(f"{x:10.2f}" for x in r))
print(f"{'median':8}" + "".join(f"{statistics.median(c):10.2f}" for c in zip(*rows)))
PY
