#!/usr/bin/env bash
# A longer run of the seeded mutation fuzz tests: the decoders and the container inspector (Imaging), the checker on
# damaged devset photos (Photos) and the zip readers of the unit package and the bulk desk (Platform).
#
#   bench/fuzz.sh [SCALE]     default SCALE=50: each test runs SCALE times its usual number of inputs
#
# The tests in ./test.sh run the same code at scale 1 (a few thousand inputs per reader, seconds). Inputs are counted,
# not timed, and every seed is fixed, so a failure found here is reproduced by the same SCALE. Builds Release first.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-50}"
cd "$repo"
for project in SocialCard.Imaging.Tests SocialCard.Photos.Tests SocialCard.Platform.Tests; do
  dotnet build "tests/$project" -c Release -nologo -v q
  SC_FUZZ_SCALE="$scale" dotnet test "tests/$project" -c Release --no-build --filter "FullyQualifiedName~Fuzz" --logger "console;verbosity=normal"
done
