@echo off
rem lead-rules: runs the lead-rules command line (..\lib\lead-rules.jar) on Java 17 or later, with a
rem class-data archive in %LOCALAPPDATA%\lead-rules\cache (see bin/lead-rules for the details).
rem Java 17/18: -XX:ArchiveClassesAtExit on the first run that exits 0, 2 or 3, then
rem -XX:SharedArchiveFile; Java 19-24: -XX:+AutoCreateSharedArchive; Java 25+: the AOT cache
rem (-XX:AOTCacheOutput, then -XX:AOTCache). A missing, stale or unwritable cache never fails a run.
rem Environment: JAVA, JAVA_HOME, LEAD_RULES_CDS=off|verbose, LEAD_RULES_CACHE_DIR,
rem LEAD_RULES_JAVA_OPTS. Option: --no-cds as the first argument.
setlocal EnableExtensions EnableDelayedExpansion

set "APP_HOME=%~dp0.."
set "JAR=%APP_HOME%\lib\lead-rules.jar"
set "VERSION=dev"
if exist "%APP_HOME%\lib\VERSION" set /p VERSION=<"%APP_HOME%\lib\VERSION"

if defined JAVA (
  set "JAVA_CMD=%JAVA%"
) else if defined JAVA_HOME (
  set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_CMD=java"
)

set "MODE=%LEAD_RULES_CDS%"
if not defined MODE set "MODE=on"
if "%~1"=="--no-cds" (
  set "MODE=off"
  shift
)
rem Rebuild the argument list without a leading --no-cds.
set "ARGS="
:collect
if "%~1"=="" goto collected
set ARGS=!ARGS! %1
shift
goto collect
:collected

set "C1=-XX:TieredStopAtLevel=1"
if /i "%MODE%"=="off" (
  "%JAVA_CMD%" %C1% %LEAD_RULES_JAVA_OPTS% -jar "%JAR%" %ARGS%
  exit /b !ERRORLEVEL!
)

rem The Java feature version from the release file (JAVA_VERSION="17.0.15").
set "FEATURE="
set "JAVA_DIR="
for %%J in ("%JAVA_CMD%") do set "JAVA_DIR=%%~dp$PATH:J"
if not defined JAVA_DIR for %%J in ("%JAVA_CMD%") do set "JAVA_DIR=%%~dpJ"
if exist "%JAVA_DIR%..\release" (
  for /f "usebackq tokens=2 delims==" %%V in (`findstr /b "JAVA_VERSION=" "%JAVA_DIR%..\release"`) do (
    for /f "tokens=1 delims=.-+" %%F in (%%V) do set "FEATURE=%%~F"
  )
)
if not defined FEATURE (
  "%JAVA_CMD%" %C1% %LEAD_RULES_JAVA_OPTS% -jar "%JAR%" %ARGS%
  exit /b !ERRORLEVEL!
)

set "CACHE=%LEAD_RULES_CACHE_DIR%"
if not defined CACHE set "CACHE=%LOCALAPPDATA%\lead-rules\cache"
if not exist "%CACHE%" mkdir "%CACHE%" >nul 2>&1
set "KEY=%JAVA_DIR:\=_%"
set "KEY=%KEY::=_%"
set "KEY=%KEY: =_%"
set "LOG=-XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=error:stderr"

if %FEATURE% GEQ 25 (
  set "ARCHIVE=%CACHE%\%VERSION%-java%FEATURE%.aot"
  if exist "!ARCHIVE!" (
    set "FLAGS=-XX:AOTCache="!ARCHIVE!""
  ) else (
    set "FLAGS=-XX:AOTCacheOutput="!ARCHIVE!""
  )
) else if %FEATURE% GEQ 19 (
  set "ARCHIVE=%CACHE%\%VERSION%-java%FEATURE%.jsa"
  set "FLAGS=-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="!ARCHIVE!""
) else (
  set "ARCHIVE=%CACHE%\%VERSION%-java%FEATURE%.jsa"
  if exist "!ARCHIVE!" (
    set "FLAGS=-XX:SharedArchiveFile="!ARCHIVE!""
  ) else (
    set "FLAGS=-XX:ArchiveClassesAtExit="!ARCHIVE!""
  )
)
rem An unwritable cache: run without recording.
copy /y nul "%CACHE%\.probe" >nul 2>&1 || (
  if not exist "!ARCHIVE!" set "FLAGS="
)
del "%CACHE%\.probe" >nul 2>&1

"%JAVA_CMD%" %LOG% %C1% %FLAGS% %LEAD_RULES_JAVA_OPTS% -jar "%JAR%" %ARGS%
exit /b !ERRORLEVEL!
