#!/usr/bin/env bash
# Registration-form PDF (src/SocialCard.Web/Features/RegistrationForm): PDFsharp 6 embeds and subsets TrueType (glyf)
# outlines only well. Noto Sans CJK (fonts-noto-cjk, already installed) is CFF inside a .ttc: the generator can still
# extract its SC face, but PDFsharp then embeds the whole 16 MB CFF face (a ~13 MB PDF). Droid Sans Fallback is a
# plain glyf .ttf with the GB 2312 repertoire, so the form embeds only the glyphs it uses (tens of KB).
# The generator prefers it and falls back to Noto when it is missing. DejaVu Sans sets the Latin digits and letters.
# Idempotent: installs only what is missing.
set -euo pipefail
missing=()
for pkg in fonts-droid-fallback fonts-dejavu-core; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
