#!/usr/bin/env bash
# Sets up and runs the product on its embedded defaults: the SocialCard web site (employer portal, centre console,
# applicant wizard, public status query, JSON API) on SQLite under ./data, local files, the built-in SMS outbox and
# seeded demo data. It prints the URL and the demo logins. Safe to run twice (the demo data is seeded once).
#   ./run.sh                 the web site on http://127.0.0.1:5080 (override: ./run.sh --Urls http://127.0.0.1:8080)
#   ./run.sh check [DIR]     the photo pre-review over DIR (default: the devset sample photos), as a table
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh

if [ "${1:-}" = "check" ]; then
  samples="${2:-../shared/photos/devset/images}"
  artifacts/cli/socialcard check "$samples" --profile suzhou-sscard --format table || [ $? -eq 1 ]
  exit 0
fi

mkdir -p data
cat <<'BANNER'
================================================================================
 演示模式 / DEMO MODE: this runs a demonstration with generated demo data, demo
 passwords, a published demo API key and the SMS outbox (/dev/sms-outbox), in the
 Development environment. Never use it for real applicants. A deployment runs
 with ASPNETCORE_ENVIRONMENT=Production, where any demo setting stops the start.
================================================================================
BANNER
# Development: the built-in SMS outbox page (/dev/sms-outbox) is on; no external SMS gateway is needed.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/SocialCard.Web -c Release --no-build --no-launch-profile -- \
  --Storage:DataDirectory "$PWD/data" --Demo:SamplePhotos "$PWD/../shared/photos/devset/images" "$@"
