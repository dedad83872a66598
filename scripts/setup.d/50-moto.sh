#!/usr/bin/env bash
# S3-compatible test server for the file store's S3 tests (tests/SocialCard.Platform.Tests/Files): moto in server
# mode, installed with pip into a virtual environment under .venv/moto (git-ignored). The environment sees the
# machine's own site packages, so a moto[server] that is already installed is used as it is and nothing is fetched.
# Idempotent: when .venv/moto runs moto's server module, nothing is done.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=".venv/moto"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import moto.server, flask_cors" >/dev/null 2>&1; then
  echo "setup: moto server present ($venv)"
  exit 0
fi

python=""
for candidate in python3 python; do
  if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
done
if [ -z "$python" ]; then
  echo "setup: python3 is required for the S3 test server (moto); S3 tests will fail until it is installed" >&2
  exit 0
fi

rm -rf "$venv"
"$python" -m venv --system-site-packages "$venv"
if ! "$venv/bin/python" -m pip install --quiet 'moto[server]'; then
  echo "setup: pip could not install moto[server]; S3 tests will fail until it is installed" >&2
  exit 0
fi
"$venv/bin/python" -c "import moto.server, flask_cors"
echo "setup: moto server installed in $venv"
