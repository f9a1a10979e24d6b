#!/usr/bin/env python3
"""The layering check: no file in a lower folder includes one in a higher folder.

Reads every `#include "..."` under <root>/src, resolves it as the compiler would (the
including file's folder first, then the include roots), and checks the folder it lands in
against LAYERS below. Prints each include that breaks a rule, with the rule, and exits 1.
Also checks that the engine (src/core) and the CLI (src/cli) include no QtWidgets or QtCharts
header, given the folders those headers are in (--forbid-qt-dir).

tests/CMakeLists.txt runs it on the source tree, and on tests/layering/planted/, a tree with
planted upward includes that it must find (--expect FILE:LINE, once per planted include).
"""

import argparse
import os
import re
import sys

# Who may include whom. A unit is a folder of src/core (core/<folder>, subfolders included),
# core/engine (src/core/engine.*, the composition root) and core/base (the other files at the
# top of src/core: small helpers with no includes of ours), or one of src/cli, src/ui, src/app.
# A unit may always include its own files. An entry that names a header, not a unit, allows
# that header alone, and the header must be data only: it may include no header of ours.
LAYERS = {
    "core/base": [],
    "core/config": ["core/base"],
    # logging is configured from config's LoggingConfig.
    "core/telemetry": ["core/base", "core/config"],
    "core/cache": ["core/base", "core/telemetry"],
    "core/compute": ["core/base", "core/telemetry"],
    "core/net": ["core/base", "core/telemetry"],
    "core/llm": ["core/base", "core/config", "core/telemetry", "core/cache", "core/net"],
    "core/monitor": ["core/base", "core/config", "core/telemetry"],
    # The store keeps what the layers above it hand it: their plain data types, never their
    # classes.
    "core/storage": ["core/base", "core/config", "core/telemetry",
                     "core/llm/chattypes.h", "core/llm/llmerror.h", "core/llm/llmcallrecord.h",
                     "core/monitor/alert.h"],
    "core/agent": ["core/base", "core/config", "core/telemetry", "core/cache", "core/compute",
                   "core/net", "core/llm"],
    # A conversation: its agent, its history and its recorder into the store.
    "core/session": ["core/base", "core/config", "core/telemetry", "core/cache", "core/compute",
                     "core/net", "core/llm", "core/monitor", "core/storage", "core/agent"],
    "core/engine": ["core/base", "core/config", "core/telemetry", "core/cache", "core/compute",
                    "core/net", "core/llm", "core/monitor", "core/storage", "core/agent",
                    "core/session"],
}
CORE = [unit for unit in LAYERS]
# The two front ends stand on the whole engine and not on each other; the app joins them.
LAYERS["cli"] = CORE
LAYERS["ui"] = CORE
LAYERS["app"] = CORE + ["cli", "ui"]

# Named exceptions, each with the reason it is allowed for now: (file, include) -> reason.
EXCEPTIONS = {
}

# Units that never include a QtWidgets or QtCharts header: they run headless.
HEADLESS = [unit for unit in CORE] + ["cli"]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = (".h", ".hpp", ".cpp")


def unit_of(relpath):
    """The unit of a path relative to the root ("src/core/llm/protocol.h" -> "core/llm")."""
    parts = relpath.split("/")
    if len(parts) < 3 or parts[0] != "src":
        return None
    if parts[1] != "core":
        return parts[1]
    if len(parts) == 3:
        return "core/engine" if parts[2].startswith("engine.") else "core/base"
    return "core/" + parts[2]


def include_roots(root, unit):
    """Where the compiler looks after the including file's own folder, in its order. Every
    unit looks in all of them, so that an include of a header its target cannot even see is
    reported here, with the rule, rather than left to the compiler."""
    core, ui, src = (os.path.join(root, "src", d) for d in ("core", "ui", ""))
    return [ui, core, src] if unit == "ui" else [core, ui, src]


def resolve(root, path, unit, name):
    for folder in [os.path.dirname(path)] + include_roots(root, unit):
        candidate = os.path.normpath(os.path.join(folder, name))
        if os.path.isfile(candidate):
            return os.path.relpath(candidate, root).replace(os.sep, "/")
    return None  # a generated file (moc, ui_) or a missing one the compiler reports


def quoted_includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            match = INCLUDE.match(line)
            if match:
                yield number, match.group(1), match.group(2)


def forbidden_qt_headers(dirs):
    names = set()
    for d in dirs:
        module = os.path.basename(os.path.normpath(d))
        names.add(module)
        for entry in os.listdir(d):
            names.add(entry)
            names.add(module + "/" + entry)
    return names


def check(root, forbid_qt_dirs, stale_exceptions=True):
    """Every violation as (file, line, message)."""
    violations = []
    qt_forbidden = forbidden_qt_headers(forbid_qt_dirs)
    used_exceptions = set()
    files = []
    for folder, _, names in os.walk(os.path.join(root, "src")):
        files += [os.path.join(folder, n) for n in names if n.endswith(SOURCE_SUFFIXES)]
    for path in sorted(files):
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        unit = unit_of(rel)
        if unit not in LAYERS:
            violations.append((rel, 0, f"its folder ({unit}) is not in the layer table"))
            continue
        allowed = LAYERS[unit]
        for number, kind, name in quoted_includes(path):
            if kind == "<":
                if unit in HEADLESS and name in qt_forbidden:
                    violations.append((rel, number, f"includes <{name}>: {unit} runs headless "
                                                    "and includes no QtWidgets or QtCharts header"))
                continue
            target = resolve(root, path, unit, name)
            if target is None:
                continue
            target_unit = unit_of(target)
            header = target[len("src/"):]
            if target_unit == unit:
                continue
            if target_unit in allowed or header in allowed:
                continue
            if (rel, name) in EXCEPTIONS:
                used_exceptions.add((rel, name))
                continue
            rule = ", ".join(allowed) if allowed else "nothing outside itself"
            violations.append((rel, number, f'includes "{name}" ({target}): {unit} may include '
                                            f"only {rule}"))
    # An exception no longer needed goes, so that the rule holds again. (Not asked of a
    # fixture tree, which tests the rules and holds none of the excepted files.)
    for (rel, name), reason in EXCEPTIONS.items():
        if stale_exceptions and (rel, name) not in used_exceptions:
            violations.append((rel, 0, f'no longer includes "{name}": remove its exception '
                                       f"({reason})"))
    # A header allowed on its own is allowed because it is plain data.
    for unit, allowed in LAYERS.items():
        for entry in allowed:
            if entry in LAYERS:
                continue
            path = os.path.join(root, "src", entry)
            if not os.path.isfile(path):
                violations.append((f"src/{entry}", 0,
                                   f"is allowed to {unit} by name but does not exist"))
                continue
            for number, kind, name in quoted_includes(path):
                if kind == '"':
                    violations.append((f"src/{entry}", number,
                                       f'includes "{name}": it is allowed to {unit} as a '
                                       "data-only header, and such a header includes none of "
                                       "ours"))
    return violations


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="the tree that holds src/")
    parser.add_argument("--forbid-qt-dir", action="append", default=[],
                        help="a Qt module's header folder that headless code may not include")
    parser.add_argument("--expect", action="append", default=[], metavar="FILE:LINE",
                        help="a violation that must be found; with it, the check passes only "
                             "when exactly the expected violations are found")
    args = parser.parse_args()

    violations = check(args.root, args.forbid_qt_dir, stale_exceptions=not args.expect)
    for rel, number, message in violations:
        print(f"{rel}:{number}: {message}")
    if args.expect:
        found = {f"{rel}:{number}" for rel, number, _ in violations}
        expected = set(args.expect)
        for missing in sorted(expected - found):
            print(f"layering check: expected a violation at {missing}, found none")
        ok = found == expected
        print("layering check: the planted violations were found" if ok
              else "layering check: FAILED to find exactly the planted violations")
        return 0 if ok else 1
    print(f"layering check: {len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
