#!/usr/bin/env bash
# The command line as users run it: artifacts/cli/socialcard, published Native AOT (the whole program, SocialCard's
# assemblies, the packages and the runtime, compiled ahead of time into one native executable for this machine's
# instruction set): it starts in a few hundredths of a CPU second instead of ~0.4 s, and its cost per photo is at
# least as low as the JIT's. Without a C compiler and linker (gcc or clang, which Native AOT links with) it falls back
# to a ReadyToRun publish run with tiered compilation off (runtimeconfig, src/SocialCard.Cli/SocialCard.Cli.csproj).
# bench/RESULTS.md ("Command line") has the measurements behind the choice. The AOT publish takes 2-4 min on 2 cores.
# Idempotent: publishes only when a source of the CLI or of a project it uses is newer than the published program;
# each publish starts from an empty artifacts/cli.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="artifacts/cli"
stamp="$out/socialcard"
projects=(src/SocialCard.Cli src/SocialCard.Photos src/SocialCard.Faces src/SocialCard.Imaging)
if [ -x "$stamp" ] && [ -z "$(find "${projects[@]}" Directory.Build.props Directory.Packages.props scripts/setup.d/90-cli.sh \
      \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$stamp" -print -quit)" ]; then
  echo "setup: command line up to date ($stamp)"
  exit 0
fi

arch="$(uname -m)"
rid="linux-$(echo "$arch" | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
linker=""
for cc in gcc clang; do
  if command -v "$cc" > /dev/null; then linker="$cc"; break; fi
done

rm -rf "$out"
if [ -n "$linker" ]; then
  echo "setup: publishing the command line ($stamp, Native AOT, $rid, linked with $linker)"
  isa=()
  [ "$arch" = "x86_64" ] && isa=(-p:IlcInstructionSet=native)
  dotnet publish src/SocialCard.Cli -c Release -r "$rid" -p:PublishAot=true -p:CppCompilerAndLinker="$linker" "${isa[@]}" \
    -o "$out" -nologo -v quiet
else
  echo "setup: publishing the command line ($stamp, ReadyToRun, $rid: no gcc or clang for Native AOT)"
  # The R2R step does not notice changed options: start it afresh.
  rm -rf "artifacts/obj/SocialCard.Cli/release_$rid/R2R"
  dotnet publish src/SocialCard.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$out" -nologo -v quiet
fi
touch "$stamp"
