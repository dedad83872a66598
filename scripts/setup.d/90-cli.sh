#!/usr/bin/env bash
# The command line as users run it: artifacts/cli/socialcard, published Native AOT (SocialCard's assemblies, the
# packages and the runtime compiled ahead of time into one native executable for this machine's instruction set): it
# starts in ~0.05 CPU s instead of ~0.4 s and costs ~10 % less CPU per photo than the ReadyToRun build.
# Native AOT links with a C compiler: without gcc or clang, or when the AOT publish fails (e.g. its compiler package
# cannot be restored), the step publishes ReadyToRun instead, run with tiered compilation off (runtimeconfig,
# src/SocialCard.Cli/SocialCard.Cli.csproj).
# bench/RESULTS.md ("Command line") has the measurements behind the choice. The AOT publish takes 2-4 min on 2 cores.
# Idempotent: publishes only when a source of the CLI or of a project it uses is newer than the published program;
# each publish starts from an empty artifacts/cli.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="artifacts/cli"
stamp="$out/socialcard"
projects=(src/SocialCard.Cli src/SocialCard.Photos src/SocialCard.Faces src/SocialCard.Imaging)
if [ -x "$stamp" ] && [ -z "$(find "${projects[@]}" Directory.Build.props Directory.Build.targets Directory.Packages.props scripts/setup.d/90-cli.sh \
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

publish_r2r() {
  echo "setup: publishing the command line ($stamp, ReadyToRun, $rid)"
  rm -rf "$out" "artifacts/obj/SocialCard.Cli/release_$rid/R2R"  # the R2R step does not notice changed options
  dotnet publish src/SocialCard.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$out" -nologo -v quiet
}

rm -rf "$out"
if [ -z "$linker" ]; then
  echo "setup: no gcc or clang for Native AOT"
  publish_r2r
else
  echo "setup: publishing the command line ($stamp, Native AOT, $rid, linked with $linker)"
  isa=()
  [ "$arch" = "x86_64" ] && isa=(-p:IlcInstructionSet=native)
  if ! dotnet publish src/SocialCard.Cli -c Release -r "$rid" -p:PublishAot=true -p:CppCompilerAndLinker="$linker" "${isa[@]}" \
      -o "$out" -nologo -v quiet; then
    echo "setup: the Native AOT publish failed (messages above)"
    publish_r2r
  fi
fi
touch "$stamp"
