# Sourced by scripts/publish-cli.sh, pack-cli.sh, tradai.sh and bench/cli-startup.sh: what a Native AOT build of the `tradai` CLI needs here.
#   cli_rid             this machine's RID (linux-x64, linux-arm64)
#   cli_step MSG        one short progress line on stderr, with the seconds since the script started
#   cli_aot_prereqs     installs, only when missing, the native toolchain and libsqlite3-dev (whose libsqlite3.a the
#                       CLI links statically; src/TradAI.Cli/TradAI.Cli.csproj says why)
#   cli_msbuild_output  logger options: MSBuild's live terminal progress on a terminal, errors only otherwise
#                       (warnings fail these builds: TreatWarningsAsErrors, which ILC follows)
# shellcheck shell=bash
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CLI_STARTED=$SECONDS

cli_rid() {
  local arch
  arch="$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
  case "$(uname -s)" in
    Linux) echo "linux-$arch" ;;
    Darwin) echo "osx-$arch" ;;
    *) echo "unsupported OS for a Native AOT build here: $(uname -s)" >&2; return 1 ;;
  esac
}

cli_step() { echo "[$(basename "$0") $((SECONDS - CLI_STARTED))s] $*" >&2; }

cli_apt_install() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  cli_step "installing $* (apt-get)"
  "${sudo[@]}" apt-get install -y -qq "$@" > /dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -qq > /dev/null && "${sudo[@]}" apt-get install -y -qq "$@" > /dev/null; }
}

cli_aot_prereqs() {
  [ "$(uname -s)" = Linux ] || return 0
  local missing=()
  command -v clang > /dev/null || missing+=(clang)
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  [ -e "/usr/lib/$(uname -m)-linux-gnu/libsqlite3.a" ] || missing+=(libsqlite3-dev)
  [ ${#missing[@]} -eq 0 ] || cli_apt_install "${missing[@]}"
}

cli_msbuild_output() {
  if [ -t 1 ]; then echo "-tl:on"; else echo "-tl:off -clp:ErrorsOnly"; fi
}
