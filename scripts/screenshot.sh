#!/bin/sh
# Starts the console under a virtual display, asks the demo endpoint two questions and saves a
# screenshot, so a change to the window can be looked at. Nothing here runs in CI.
# Usage: scripts/screenshot.sh OUT.png [WIDTHxHEIGHT]   (default 1440x860)
set -eu
cd "$(dirname "$0")/.."
out=$(realpath "$1")
size=${2:-1440x860}
for tool in Xvfb xdotool import; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "installing xvfb, xdotool and imagemagick for screenshots" >&2
        [ "$(id -u)" -eq 0 ] && as_root="" || as_root=sudo
        $as_root apt-get install -y -qq --no-install-recommends xvfb xdotool imagemagick >/dev/null
        break
    fi
done
scripts/build.sh build >/dev/null

home=$(mktemp -d)
display=:$((90 + $$ % 100))
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $console $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT INT TERM
export DISPLAY="$display"
# A clean home and no provider keys: the built-in demo endpoint answers.
env -i PATH="$PATH" DISPLAY="$display" HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" LANG=C.UTF-8 build/src/app/spoon-console >/dev/null 2>&1 &
console=$!

window=""
for _ in $(seq 1 100); do
    window=$(xdotool search --name "Spoon Console" 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || { echo "the console did not open a window" >&2; exit 1; }
xdotool windowsize "$window" "${size%x*}" "${size#*x}"
for question in "How much memory does the engine use?" "Show me an example"; do
    # A click in the message box (bottom left) gives it the keyboard; there is no window
    # manager to do that.
    xdotool mousemove --window "$window" 170 $((${size#*x} - 75)) click 1
    xdotool type --delay 5 "$question"
    xdotool key ctrl+Return
    sleep 6 # the demo endpoint streams at a realistic rate
done
import -window "$window" "$out"
echo "saved $out"
