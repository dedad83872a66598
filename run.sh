#!/usr/bin/env bash
# Sets up and runs the product on its embedded defaults: today, the photo pre-review over the sample photos.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
samples="${1:-../shared/photos/devset/images}"
dotnet run --project src/SocialCard.Cli -c Release --no-build -- check "$samples" --profile suzhou-sscard --format table || [ $? -eq 1 ]
