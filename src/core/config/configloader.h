#pragma once

#include "config.h"
#include "configdiagnostic.h"
#include "configlocation.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QProcessEnvironment>

#include <optional>

namespace spoon {

struct ConfigLoadResult
{
    Config config;
    ConfigDiagnostics diagnostics;
    ConfigLocation location;
    bool found = false; // a file was read; false means built-in defaults

    bool isValid() const { return !hasErrors(diagnostics); }
};

// Reads, validates and types a config. Never throws and never silently falls back: an
// unreadable or broken file gives errors (and the defaults, for callers that only report);
// a missing file in the user's folder gives the defaults with no diagnostic.
class ConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(spoon::ConfigLoader)
public:
    static ConfigLoadResult load(const ConfigLocation &location, const QProcessEnvironment &env);
    // The same, on bytes already in memory; `sourceName` is what diagnostics call the file.
    static ConfigLoadResult parse(QByteArrayView json, const QString &sourceName,
                                  const QProcessEnvironment &env);
    // An existing file's bytes, read only if it is a regular file and never past the cap
    // (16 MiB); else nothing, with *error saying why. Every reader of a config uses this.
    static std::optional<QByteArray> readFile(const QString &path, QString *error);
};

} // namespace spoon
