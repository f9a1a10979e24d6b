# Sourced: sets $as_root to the prefix that runs a command as root ("" when we are root,
# "sudo" when there is sudo), or stops with "error: <why> needs root, and there is no sudo".
# Set $needs_root_for to say what needs it.
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "error: ${needs_root_for:-this} needs root, and there is no sudo" >&2
    exit 1
fi
