#!/usr/bin/env bash
# Builds (once) the official Temporal server and its SQL schema tool from the Go module proxy,
# cached under <repo>/.tools under versioned names:
#   .tools/temporal-server-<ver>/temporal-server     (go.temporal.io/server/cmd/server)
#   .tools/temporal-server-<ver>/temporal-sql-tool   (go.temporal.io/server/cmd/tools/sql)
#   .tools/temporal-server-<ver>/schema/             (the module's schema/ tree, for the sql tool)
# Prints the directory. Not part of `npm test` nor .ci/run: used by `npm run bench -- cluster`
# and by the cluster test (DUBAN_CLUSTER_TEST=1).
# Needs `go` (any version that understands GOTOOLCHAIN; Debian's golang-go will do) and the module proxy.
set -euo pipefail

SERVER_VERSION=v1.32.2
GO_TOOLCHAIN=go1.27.3      # the server v1.32.2 needs Go >= 1.26.10; the proxy serves this toolchain

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/.tools/temporal-server-$SERVER_VERSION"
die() { echo "temporal-server: error: $*" >&2; exit 1; }

if [ ! -x "$DIR/temporal-server" ] || [ ! -x "$DIR/temporal-sql-tool" ] || [ ! -d "$DIR/schema" ]; then
  command -v go >/dev/null || die "go not found (install Debian's golang-go: apt-get install -y golang-go)"
  tmp="$DIR.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log="$ROOT/.tools/temporal-server-$SERVER_VERSION.log"
  export GOTOOLCHAIN="$GO_TOOLCHAIN" CGO_ENABLED=0
  export GOBIN="$tmp/bin"
  echo "temporal-server: building go.temporal.io/server $SERVER_VERSION with $GO_TOOLCHAIN (a few minutes; log: $log)" >&2
  go install "go.temporal.io/server/cmd/server@$SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION" >"$log" 2>&1 \
    || die "go install failed (see $log)"
  mv "$tmp/bin/server" "$tmp/temporal-server"
  mv "$tmp/bin/sql" "$tmp/temporal-sql-tool"
  rmdir "$tmp/bin"
  moddir="$(go env GOMODCACHE)/go.temporal.io/server@$SERVER_VERSION"
  [ -d "$moddir/schema" ] || die "schema/ not found in $moddir"
  cp -r "$moddir/schema" "$tmp/schema"
  chmod -R u+w "$tmp/schema"
  rm -rf "$DIR"; mv "$tmp" "$DIR"
  rm -f "$log"
fi
echo "$DIR"
