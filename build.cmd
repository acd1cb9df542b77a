@echo off
rem Bootstrap for the build (Nuke-style): check the .NET SDK, build build\_build.csproj, run it with our arguments.
rem Plain cmd (no PowerShell); no delayed expansion, so "!" in arguments passes through untouched.
setlocal EnableExtensions

set "SCRIPT_DIR=%~dp0"
set "BUILD_PROJECT_FILE=%SCRIPT_DIR%build\_build.csproj"
set "BOOTSTRAP_LOG=%SCRIPT_DIR%.nuke\temp\bootstrap-build.log"

set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
set NUKE_TELEMETRY_OPTOUT=1

rem global.json: sdk.version 10.0.400 with rollForward latestFeature => any 10.0.4xx or later feature band of 10.0.
set REQUIRED_MAJOR=10
set REQUIRED_MINOR=0
set REQUIRED_BAND=4
set "REQUIRED_TEXT=.NET SDK 10.0.400 or a later 10.0 feature band (see global.json)"

where dotnet >nul 2>nul
if errorlevel 1 goto :no_dotnet

rem `dotnet --version` already applies global.json; it prints nothing usable when no installed SDK satisfies it.
set "DOTNET_VERSION="
pushd "%SCRIPT_DIR%"
for /f "usebackq delims=" %%v in (`dotnet --version 2^>nul`) do set "DOTNET_VERSION=%%v"
popd
if not defined DOTNET_VERSION set "DOTNET_VERSION=none matching global.json"

set "SDK_MAJOR="
set "SDK_MINOR="
set "SDK_PATCH="
for /f "tokens=1-3 delims=.-" %%a in ("%DOTNET_VERSION%") do (
    set "SDK_MAJOR=%%a"
    set "SDK_MINOR=%%b"
    set "SDK_PATCH=%%c"
)
if not "%SDK_MAJOR%"=="%REQUIRED_MAJOR%" goto :wrong_sdk
if not "%SDK_MINOR%"=="%REQUIRED_MINOR%" goto :wrong_sdk
rem A feature band is the hundreds of the patch number: 401 => band 4.
set /a SDK_BAND=SDK_PATCH / 100 2>nul
if errorlevel 1 goto :wrong_sdk
if %SDK_BAND% LSS %REQUIRED_BAND% goto :wrong_sdk

rem Quiet on success (the SDK prints a summary with elapsed time even at quiet verbosity); everything on failure.
if not exist "%SCRIPT_DIR%.nuke\temp" mkdir "%SCRIPT_DIR%.nuke\temp"
dotnet build "%BUILD_PROJECT_FILE%" -nologo -clp:NoSummary --verbosity quiet > "%BOOTSTRAP_LOG%" 2>&1
if errorlevel 1 goto :build_failed

dotnet run --project "%BUILD_PROJECT_FILE%" --no-build -- %*
exit /b %ERRORLEVEL%

:no_dotnet
echo The .NET SDK is not on PATH. Install %REQUIRED_TEXT%. 1>&2
exit /b 1

:wrong_sdk
echo Found .NET SDK: %DOTNET_VERSION%. This build needs %REQUIRED_TEXT%; install it and retry. 1>&2
exit /b 1

:build_failed
type "%BOOTSTRAP_LOG%" 1>&2
echo Building build\_build.csproj failed. 1>&2
exit /b 1
