#!/usr/bin/env bash
# Sets up and runs every test. Slow suites (load, long benchmarks) have their own scripts under bench/.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
dotnet test SocialCard.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
