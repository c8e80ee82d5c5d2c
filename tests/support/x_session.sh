# A display of our own for the end-to-end tests (sourced): start_x WORKDIR
# SIZE starts Xvfb on a free display number and exports DISPLAY; stop_x ends it.
xvfb_pid=""
# Exits 77 (skipped) unless every tool named is installed.
require_tools() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "SKIP: $tool is not installed (scripts/install-deps.sh installs it)"
      exit 77
    fi
  done
}
start_x() {
  exec 3>"$1/display"
  Xvfb -displayfd 3 -screen 0 "$2x24" -nolisten tcp >"$1/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$1/display" ] && break; sleep 0.1; done
  DISPLAY=":$(head -n1 "$1/display")"
  export DISPLAY
  echo "display $DISPLAY"
}
stop_x() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
