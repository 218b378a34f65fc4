#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster (toolchain.md recipe) and TEST_DATABASE_URL set.
#   scripts/with-test-postgres.sh npx vitest run tests/integration/sync-
# Installs nothing. As root the cluster belongs to `postgres`; as another user it belongs to that user.
# The cluster lives in a temp dir on a free port and is always stopped and removed afterwards.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "找不到 PostgreSQL（$PG_BIN/initdb）。请先安装：apt-get install -y --no-install-recommends postgresql" >&2
  exit 2
fi
if [ "$#" -eq 0 ]; then
  echo "用法：scripts/with-test-postgres.sh <命令> [参数…]" >&2
  exit 2
fi
TMP="$(mktemp -d /tmp/wb-test-pg.XXXXXX)"
chmod 755 "$TMP"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres "$TMP"; fi
cleanup() {
  as_owner "$PG_BIN/pg_ctl" -D "$TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
as_owner "$PG_BIN/initdb" -D "$TMP/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
  || { cat "$TMP/initdb.log" >&2; exit 1; }
as_owner "$PG_BIN/pg_ctl" -D "$TMP/data" -l "$TMP/pg.log" -w \
  -o "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$TMP/pg.log" >&2; exit 1; }
export TEST_DATABASE_URL="postgres://app@127.0.0.1:$PORT/postgres"
echo "测试用 PostgreSQL 已启动：$TEST_DATABASE_URL" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
