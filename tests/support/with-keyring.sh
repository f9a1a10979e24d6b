#!/bin/sh
# Runs a command beside a real Secret Service: gnome-keyring-daemon on the session bus that
# dbus-run-session made for it, with an unlocked "login" keyring in a throwaway home. The
# daemon leaves with the bus. Usage: dbus-run-session -- with-keyring.sh COMMAND...
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" && chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads the password from stdin and creates the login keyring with it.
eval "$(printf 'spoon-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
