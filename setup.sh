#!/usr/bin/env bash
# Sets up everything SocialCard needs on a Debian machine, then restores and builds. Safe to run twice.
# Each concern adds its own step under scripts/setup.d/ (run in name order).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the product, its tests and its build use. One list, one apt call, only for what is missing.
packages=(
  libturbojpeg0      # JPEG decode/encode (TurboJPEG API, P/Invoke)
  libheif1           # HEIC decode
  zip unzip          # packaging tests open zips with unzip -l
  poppler-utils      # pdftoppm / pdftotext in PDF tests
  fonts-noto-cjk     # CJK font embedded in the registration-form PDF
  chromium           # browser tests (Playwright with ExecutablePath)
  postgresql         # PostgreSQL tests start their own server on loopback
  python3-venv       # the S3-compatible test server (moto) lives in a virtual environment (scripts/setup.d/50-moto.sh)
  gcc zlib1g-dev     # link the Native AOT command line (scripts/setup.d/90-cli.sh; without them it is published ReadyToRun)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done

dotnet build SocialCard.sln -c Release -nologo -v quiet
