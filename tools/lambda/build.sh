#!/usr/bin/env bash
# Publishes a Lambda bootstrap with Native AOT and zips it for a provided.al2023 function: the workers' (both worker
# functions) or the ingest API's (behind a function URL).
#
#   tools/lambda/build.sh [linux-x64|linux-arm64] [workers|api]     (defaults linux-x64, workers)
#
# Output: the workers' artifacts/lambda/publish/<rid>/bootstrap and artifacts/lambda/gymcoach-workers-<x86_64|arm64>.zip,
# the API's artifacts/lambda/publish/api/<rid>/bootstrap and artifacts/lambda/gymcoach-api-<x86_64|arm64>.zip, each
# with bootstrap at the zip root. Skips the publish when its inputs have not changed since the last one (hash in
# artifacts/lambda/publish/<rid>/.inputs.sha256). Native linking needs clang and zlib; as root with apt-get the
# script installs them (clang zlib1g-dev binutils zip), otherwise it stops and says what to install.
# linux-arm64 from an x64 machine cross-compiles (clang --target aarch64, lld, the aarch64 toolchain's libraries and an
# arm64 zlib; see missing_prerequisites): verified to build on Debian 12; it needs arm64 hardware to run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rid="${1:-linux-x64}"
function="${2:-workers}"
case "$rid" in
  linux-x64) arch=x86_64 ;;
  linux-arm64) arch=arm64 ;;
  *) echo "build.sh: unknown runtime '$rid' (use linux-x64 or linux-arm64)" >&2; exit 2 ;;
esac

out="$root/artifacts/lambda"
case "$function" in
  workers)
    project=src/Lambda/Workers/GymCoach.Lambda.csproj
    executable=bootstrap
    sources=(src/Lambda/Workers src/Lambda/Runtime src/Hosting src/Aws src/Embedded src/Workers src/Contracts)
    publish="$out/publish/$rid"
    ;;
  api)
    # The assembly keeps its own name (so both bootstraps' JIT builds fit in one test output); Lambda wants "bootstrap".
    project=src/Lambda/Ingest/GymCoach.Ingest.Lambda.csproj
    executable=GymCoach.Ingest.Lambda
    sources=(src/Lambda/Ingest src/Lambda/Runtime src/Ingest src/Aws src/Embedded src/Workers src/Contracts)
    publish="$out/publish/api/$rid"
    ;;
  *) echo "build.sh: unknown function '$function' (use workers or api)" >&2; exit 2 ;;
esac
zip_path="$out/gymcoach-$function-$arch.zip"
stamp="$publish/.inputs.sha256"
mkdir -p "$out"

missing_prerequisites() {
  local missing=()
  command -v clang >/dev/null 2>&1 || missing+=(clang)
  command -v objcopy >/dev/null 2>&1 || missing+=(binutils)
  command -v zip >/dev/null 2>&1 || missing+=(zip)
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  if [ "$rid" = linux-arm64 ] && [ "$(uname -m)" != aarch64 ]; then
    command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
    command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
    [ -e /usr/lib/aarch64-linux-gnu/libz.a ] || missing+=(zlib1g-dev:arm64)
  fi
  echo "${missing[@]}"
}

install_prerequisites() {
  local missing
  missing="$(missing_prerequisites)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: installing Native AOT prerequisites: $missing" >&2
    case " $missing " in *:arm64*) dpkg --add-architecture arm64 ;; esac
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
  fi
  missing="$(missing_prerequisites)"
  if [ -n "$missing" ]; then
    echo "build.sh: Native AOT publish needs: $missing. Install them with: sudo apt-get install -y $missing" >&2
    exit 3
  fi
}

inputs_hash() {
  local files
  files="$(
    cd "$root"
    find "${sources[@]}" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print
    printf '%s\n' Directory.Build.props Directory.Packages.props global.json tools/lambda/build.sh
  )"
  echo "$function $rid $(cd "$root" && echo "$files" | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
}

# One build at a time per checkout: concurrent test runs share artifacts/.
exec 9>"$out/.build.lock"
flock 9

hash="$(inputs_hash)"
if [ -x "$publish/bootstrap" ] && [ -f "$zip_path" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  echo "build.sh: $rid $function bootstrap is up to date" >&2
  echo "$publish/bootstrap"
  exit 0
fi

install_prerequisites
rm -rf "$publish"
extra=()
if [ "$rid" = linux-arm64 ] && [ "$(uname -m)" != aarch64 ]; then
  # Cross-compile: clang targets aarch64, links with lld against the aarch64 toolchain's libraries.
  extra+=(-p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
fi

echo "build.sh: publishing the $rid $function bootstrap with Native AOT (a few minutes)..." >&2
# A separate artifacts path keeps this publish's obj/ and bin/ apart from the IDE's and the test run's. No build
# servers and no inherited lock: a reused MSBuild node or compiler server would outlive this script, holding the lock
# and the caller's output pipe open for many minutes.
dotnet publish "$root/$project" -c Release -r "$rid" --disable-build-servers \
  --artifacts-path "$out/build" -o "$publish" --nologo -v quiet -clp:ErrorsOnly "${extra[@]}" >&2 9>&-

[ "$executable" = bootstrap ] || mv "$publish/$executable" "$publish/bootstrap"
rm -f "$zip_path.tmp"
(cd "$publish" && zip -q -X "$zip_path.tmp" bootstrap)
mv "$zip_path.tmp" "$zip_path"
echo "$hash" > "$stamp"
echo "build.sh: $(du -h "$publish/bootstrap" | cut -f1) bootstrap, $(du -h "$zip_path" | cut -f1) $zip_path" >&2
echo "$publish/bootstrap"
