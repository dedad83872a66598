#!/usr/bin/env bash
# The command line as users run it: artifacts/cli/socialcard, published ReadyToRun (the code of SocialCard's own
# assemblies compiled ahead of time, so a check does not spend its first photos in the JIT) and run with tiered
# compilation off (runtimeconfig), so what is compiled at run time is compiled once, fully optimised.
# bench/RESULTS.md ("Command line") has the measurements behind the choice.
# Idempotent: publishes only when a source of the CLI or of a project it uses is newer than the published program.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="artifacts/cli"
stamp="$out/socialcard.dll"
projects=(src/SocialCard.Cli src/SocialCard.Photos src/SocialCard.Faces src/SocialCard.Imaging)
if [ -f "$stamp" ] && [ -z "$(find "${projects[@]}" Directory.Build.props Directory.Packages.props \
      \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
  echo "setup: command line up to date ($out/socialcard)"
  exit 0
fi

rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
echo "setup: publishing the command line ($out/socialcard, ReadyToRun, $rid)"
dotnet publish src/SocialCard.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$out" -nologo -v quiet
touch "$stamp"
