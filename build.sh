#!/usr/bin/env bash
# Bootstraps the Cake pipeline: ./build.sh --target=Test (any Cake argument passes through).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
dotnet cake build/build.cake "$@"
