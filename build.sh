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

BUILD_ASSEMBLY="$SCRIPT_DIR/build/bin/Debug/net10.0/_build.dll"
BOOTSTRAP_STAMP="$SCRIPT_DIR/.nuke/temp/bootstrap.inputs"

# A content hash of everything the build program is made from: the SDK, the commit and every tracked or
# untracked, not ignored file (1.7 MB, well under 0.1 s; a deleted file just drops out of the hash). A warm
# MSBuild no-op still costs about 4 s of evaluation and restore checks, so the build program is rebuilt only
# when this hash differs from the one recorded after its last successful build; outside a git work tree it
# is always rebuilt.
bootstrap_inputs() {
    (
        cd "$SCRIPT_DIR" || exit 1
        git rev-parse --is-inside-work-tree >/dev/null 2>&1 || exit 1
        printf 'sdk %s\nbuild -c Debug\n' "$DOTNET_VERSION"
        git rev-parse HEAD 2>/dev/null || echo "no commit"
        { git ls-files -z --cached --others --exclude-standard || exit 1; } | LC_ALL=C sort -z \
            | { xargs -0 sha256sum -- 2>/dev/null || true; }
    ) | sha256sum | cut -d' ' -f1
}

# The program the stamp vouches for: `dotnet build Evidence.sln` (Debug) or `dotnet test` also write this
# folder, so the stamp names the bytes it saw, not just the sources.
program_digest() {
    (
        export LC_ALL=C
        sha256sum "$(dirname "$BUILD_ASSEMBLY")"/*.dll 2>/dev/null | sha256sum | cut -d' ' -f1
    )
}

INPUTS=$(bootstrap_inputs 2>/dev/null) || INPUTS=""
if [[ -n "$INPUTS" && -f "$BUILD_ASSEMBLY" && -f "$BOOTSTRAP_STAMP" \
    && "$(cat "$BOOTSTRAP_STAMP")" == "$INPUTS $(program_digest)" ]]; then
    :
else
    rm -f "$BOOTSTRAP_STAMP"
    # Quiet on success (the SDK prints a summary with elapsed time even at quiet verbosity); everything on failure.
    if ! BUILD_OUTPUT=$(dotnet build "$BUILD_PROJECT_FILE" -c Debug -nologo -clp:NoSummary --verbosity quiet 2>&1); then
        echo "$BUILD_OUTPUT" >&2
        echo "Building build/_build.csproj failed." >&2
        exit 1
    fi
    if [[ -n "$INPUTS" ]]; then
        mkdir -p "$(dirname "$BOOTSTRAP_STAMP")"
        STAMP_TEMP=$(mktemp "$BOOTSTRAP_STAMP.partial.XXXXXXXXXXXXXXXX")
        echo "$INPUTS $(program_digest)" >"$STAMP_TEMP"
        mv -f "$STAMP_TEMP" "$BOOTSTRAP_STAMP"
    fi
fi

# The assembly itself rather than `dotnet run --no-build`, which evaluates the project once more (1.3 s).
exec dotnet "$BUILD_ASSEMBLY" "$@"
