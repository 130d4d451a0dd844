#!/usr/bin/env bash
# One directus-sync command for CI (the GitHub composite action and the Azure DevOps templates call this script):
#   directus-sync-ci.sh pull|diff|push
# It installs the tool when needed, maps DS_* variables 1:1 onto CLI options, and for diff runs
# `diff --exit-code --format json`, keeps the plan (drift.json) and the log (drift.txt), writes a Markdown
# report (drift.md) and publishes it as the job summary (GitHub: $GITHUB_STEP_SUMMARY; Azure DevOps:
# ##vso[task.uploadsummary]).
#
# Connection: DIRECTUS_URL and DIRECTUS_TOKEN (or DIRECTUS_ADMIN_EMAIL/DIRECTUS_ADMIN_PASSWORD) in the
# environment, from the CI's secret store. The CLI reads them itself; no secret is ever put on a command line.
#
# Options: DS_<OPTION> for each --<option> in the table below (DS_DUMP_PATH=… for --dump-path …, "true" for a
# flag). Control: DS_FAIL_ON_DRIFT (true: exit 2 on drift), DS_WORKING_DIRECTORY, DS_REPORT_DIR, DS_TOOL_VERSION,
# DS_TOOL_SOURCE (an extra NuGet source for the tool), DS_TOOL_PATH, DS_TOOL_COMMAND (run this instead of
# installing, e.g. "dotnet path/DirectusSync.Cli.dll").
#
# Untrusted checkouts (DS_UNTRUSTED_CHECKOUT=true, for drift jobs on pull requests, which hold a production
# token while the files come from the pull request): the tool must be pinned (DS_TOOL_VERSION) and is installed
# from a folder of its own with a NuGet config of its own (never the checkout's tool manifest, nuget.config or
# global.json), and JavaScript config files are refused (DIRECTUS_SYNC_NO_JS_CONFIG=1): nothing from the checkout
# runs; the dump and a JSON config are only read. See ci/README.md, "Threat model".
#
# Exit codes: the CLI's (0 success, 1 error, 2 drift); a drift with DS_FAIL_ON_DRIFT=false exits 0.
set -euo pipefail

command="${1:-}"
case "$command" in
  pull|diff|push) ;;
  *) echo "usage: directus-sync-ci.sh pull|diff|push" >&2; exit 64 ;;
esac

# option:kind:commands — the CLI options this script passes on, with the commands that accept them.
OPTIONS=(
  "config-path:value:pull,diff,push"
  "dump-path:value:pull,diff,push"
  "collections-path:value:pull,diff,push"
  "snapshot-path:value:pull,diff,push"
  "specs-path:value:pull"
  "only-collections:value:pull,diff,push"
  "exclude-collections:value:pull,diff,push"
  "preserve-ids:value:pull,push"
  "id-maps:value:pull,diff,push"
  "max-push-retries:value:push"
  "mode:value:push"
  "no-collections:flag:pull,diff,push"
  "no-snapshot:flag:pull,diff,push"
  "no-split:flag:pull,diff,push"
  "no-specs:flag:pull"
  "no-sync-policy-roles:flag:pull,diff,push"
  "sort-json:flag:pull,diff,push"
  "clear-system-cache:flag:pull,diff,push"
  "debug:flag:pull,diff,push"
  "force:flag:diff,push"
  "pretty-diff:flag:diff"
  "allow-deletes:flag:push"
  "allow-schema-deletes:flag:push"
  "dry-run:flag:push"
)

log() { echo "directus-sync-ci: $*" >&2; }

variable_of() { local name="${1//-/_}"; echo "DS_${name^^}"; }

is_true() { [[ "${1,,}" == "true" || "$1" == "1" ]]; }

build_arguments() {
  ARGS=()
  local entry option kind commands variable value
  for entry in "${OPTIONS[@]}"; do
    IFS=: read -r option kind commands <<<"$entry"
    variable="$(variable_of "$option")"
    value="${!variable:-}"
    [[ -z "$value" ]] && continue
    if [[ ",$commands," != *",$command,"* ]]; then
      log "ignoring $variable: --$option is not an option of '$command'"
      continue
    fi
    if [[ "$kind" == flag ]]; then
      if is_true "$value"; then ARGS+=("--$option"); fi
    else
      ARGS+=("--$option" "$value")
    fi
  done
}

# Installs the pinned tool from a folder outside the checkout, with a NuGet config that lists only the chosen
# feed: the checkout's nuget.config, tool manifest and global.json take no part.
install_isolated() {
  local path="$1" home
  home="$(mktemp -d)"
  local feed="${DS_TOOL_SOURCE:-https://api.nuget.org/v3/index.json}"
  [[ -d "$feed" ]] && feed="$(cd "$feed" && pwd)"
  cat >"$home/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="directus-sync-tool" value="$feed" />
  </packageSources>
</configuration>
CONFIG
  log "installing DirectusSync.Cli $DS_TOOL_VERSION from $feed (isolated from the checkout)"
  (cd "$home" && dotnet tool install DirectusSync.Cli --tool-path "$path" --version "$DS_TOOL_VERSION" --configfile "$home/nuget.config" >&2)
}

resolve_tool() {
  if [[ -n "${DS_TOOL_COMMAND:-}" ]]; then
    read -r -a TOOL <<<"$DS_TOOL_COMMAND"
    return
  fi
  if [[ "$UNTRUSTED" == true ]]; then
    local path="${DS_TOOL_PATH:-${RUNNER_TEMP:-${AGENT_TEMPDIRECTORY:-${TMPDIR:-/tmp}}}/directus-sync-tool-$DS_TOOL_VERSION}"
    [[ -x "$path/directus-sync" ]] || install_isolated "$path"
    TOOL=("$path/directus-sync")
    return
  fi
  # A local tool manifest that lists the tool pins its version: restore it.
  if [[ -z "${DS_TOOL_VERSION:-}" && -f .config/dotnet-tools.json ]] && grep -q '"directus-sync"' .config/dotnet-tools.json; then
    dotnet tool restore >&2
    TOOL=(dotnet directus-sync)
    return
  fi
  local path="${DS_TOOL_PATH:-${RUNNER_TEMP:-${AGENT_TEMPDIRECTORY:-${TMPDIR:-/tmp}}}/directus-sync-tool}"
  if [[ ! -x "$path/directus-sync" ]]; then
    local install=(dotnet tool install DirectusSync.Cli --tool-path "$path")
    [[ -n "${DS_TOOL_VERSION:-}" ]] && install+=(--version "$DS_TOOL_VERSION")
    [[ -n "${DS_TOOL_SOURCE:-}" ]] && install+=(--add-source "$DS_TOOL_SOURCE")
    log "installing the tool: ${install[*]}"
    "${install[@]}" >&2
  fi
  TOOL=("$path/directus-sync")
}

set_output() {
  local name="$1" value="$2"
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then echo "$name=$value" >>"$GITHUB_OUTPUT"; fi
  if [[ -n "${TF_BUILD:-}" ]]; then
    local camel
    camel="$(sed -E 's/-([a-z])/\U\1/g' <<<"$name")"
    echo "##vso[task.setvariable variable=directusSync${camel^};isOutput=true]$value"
  fi
}

write_report() {
  local code="$1" dir="$2" status
  case "$code" in
    0) status="No drift: a push would change nothing." ;;
    2) status="**Drift**: Directus differs from the dump; a push would change what is listed below." ;;
    *) status="**The diff failed** (exit code $code); see the log below." ;;
  esac
  {
    echo "## Directus drift check: ${DIRECTUS_URL:-(DIRECTUS_URL not set)}"
    echo
    echo "$status"
    echo
    echo '```text'
    # Colour codes and the tool's timestamps are noise in a summary.
    sed -E 's/\x1b\[[0-9;]*m//g; s/^\[[0-9:.]+\] //' "$dir/drift.txt"
    echo '```'
  } >"$dir/drift.md"
  if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then cat "$dir/drift.md" >>"$GITHUB_STEP_SUMMARY"; fi
  if [[ -n "${TF_BUILD:-}" ]]; then echo "##vso[task.uploadsummary]$dir/drift.md"; fi
}

cd "${DS_WORKING_DIRECTORY:-.}"
export NO_COLOR=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
UNTRUSTED=false
if is_true "${DS_UNTRUSTED_CHECKOUT:-false}"; then
  UNTRUSTED=true
  # The CLI then refuses any .js/.cjs config, found or extended, before it runs a line of it.
  export DIRECTUS_SYNC_NO_JS_CONFIG=1
  if [[ -z "${DS_TOOL_VERSION:-}" && -z "${DS_TOOL_COMMAND:-}" ]]; then
    log "untrusted checkout: pin the tool (tool-version / toolVersion); the checkout's tool manifest is not used"
    exit 1
  fi
  if [[ -n "${DS_TOOL_VERSION:-}" && ! "$DS_TOOL_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
    log "untrusted checkout: tool version '$DS_TOOL_VERSION' is not an exact version (x.y.z)"
    exit 1
  fi
fi
if [[ -z "${DIRECTUS_URL:-}" ]]; then
  log "DIRECTUS_URL is not set: give the action/template the instance's URL"
  exit 1
fi
if [[ -z "${DIRECTUS_TOKEN:-}" && ( -z "${DIRECTUS_ADMIN_EMAIL:-}" || -z "${DIRECTUS_ADMIN_PASSWORD:-}" ) ]]; then
  log "no credentials: map a secret to DIRECTUS_TOKEN (or DIRECTUS_ADMIN_EMAIL and DIRECTUS_ADMIN_PASSWORD)"
  exit 1
fi

build_arguments
resolve_tool

if [[ "$command" != diff ]]; then
  log "${TOOL[*]} $command ${ARGS[*]}"
  exec "${TOOL[@]}" "$command" "${ARGS[@]}"
fi

report_dir="${DS_REPORT_DIR:-${RUNNER_TEMP:-${AGENT_TEMPDIRECTORY:-${TMPDIR:-/tmp}}}/directus-sync-report}"
mkdir -p "$report_dir"
log "${TOOL[*]} diff ${ARGS[*]} --exit-code --format json"
set +e
"${TOOL[@]}" diff "${ARGS[@]}" --exit-code --format json >"$report_dir/drift.json" 2>"$report_dir/drift.txt"
code=$?
set -e
cat "$report_dir/drift.txt" >&2
write_report "$code" "$report_dir"
set_output exit-code "$code"
set_output has-drift "$([[ $code == 2 ]] && echo true || echo false)"
set_output report-dir "$report_dir"

if [[ $code == 2 ]] && ! is_true "${DS_FAIL_ON_DRIFT:-true}"; then
  log "drift found; DS_FAIL_ON_DRIFT=false: not failing"
  exit 0
fi
exit "$code"
