#pragma once

#include "config/databasetarget.h"
#include "sqltypes.h"

#include <QStringList>

namespace spoon {

class SqlConnection;

// The store's versioned schema. Each migration is a list of statements per backend; opening
// an older database applies the missing ones inside one transaction (on PostgreSQL under an
// advisory lock, so consoles that start together do not race), and a newer one is refused
// with nothing changed.
namespace schema {

int latestVersion();
QStringList migration(DatabaseBackend backend, int version); // version 1..latestVersion()

// Runs on a connection inside a transaction; upgrades to `target` (latestVersion() unless a
// test asks for an older one). The outcome's first row holds the version found before.
SqlOutcome migrate(SqlConnection &connection, int target);

} // namespace schema
} // namespace spoon
