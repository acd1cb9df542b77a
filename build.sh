#!/usr/bin/env bash
# Bootstrap for the build (Nuke-style): check the .NET SDK, build build/_build.csproj, run it with our arguments.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUKE_TELEMETRY_OPTOUT=1

# global.json: sdk.version 10.0.400 with rollForward latestFeature => any 10.0.4xx or later feature band of 10.0.
REQUIRED_MAJOR=10
REQUIRED_MINOR=0
REQUIRED_BAND=4

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK is not on PATH. Install .NET SDK ${REQUIRED_MAJOR}.${REQUIRED_MINOR}.${REQUIRED_BAND}00 or a later ${REQUIRED_MAJOR}.${REQUIRED_MINOR} feature band (see global.json)." >&2
    exit 1
fi

# `dotnet --version` already applies global.json; it fails when no installed SDK satisfies it.
if ! DOTNET_VERSION=$(cd "$SCRIPT_DIR" && dotnet --version 2>/dev/null); then
    DOTNET_VERSION="none matching global.json"
fi

if [[ "$DOTNET_VERSION" =~ ^([0-9]+)\.([0-9]+)\.([0-9])[0-9][0-9]$ ]] \
    && [[ "${BASH_REMATCH[1]}" == "$REQUIRED_MAJOR" && "${BASH_REMATCH[2]}" == "$REQUIRED_MINOR" ]] \
    && (( BASH_REMATCH[3] >= REQUIRED_BAND )); then
    :
else
    echo "Found .NET SDK: $DOTNET_VERSION. This build needs .NET SDK ${REQUIRED_MAJOR}.${REQUIRED_MINOR}.${REQUIRED_BAND}00 or a later ${REQUIRED_MAJOR}.${REQUIRED_MINOR} feature band (global.json); install it and retry." >&2
    exit 1
fi

# Quiet on success (the SDK prints a summary with elapsed time even at quiet verbosity); everything on failure.
if ! BUILD_OUTPUT=$(dotnet build "$BUILD_PROJECT_FILE" -nologo -clp:NoSummary --verbosity quiet 2>&1); then
    echo "$BUILD_OUTPUT" >&2
    echo "Building build/_build.csproj failed." >&2
    exit 1
fi
dotnet run --project "$BUILD_PROJECT_FILE" --no-build -- "$@"
