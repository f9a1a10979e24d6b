#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace spoon {

// Header fields in the order they were sent or are to be sent, names as written: what the
// HTTP client (httppool.h) and the HTTP server (httpserver.h) both carry.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

} // namespace spoon
