#pragma once

#include <QString>

namespace spoon {

// Text from elsewhere (a server's message, a key name from a file) made safe to print on a
// terminal or in a log: control characters (C0 but tab, DEL, C1) and the bidirectional
// overrides that reorder what a reader sees become visible escapes (\x1b, \u202e), so they
// can neither drive the terminal nor hide what follows. Newlines stay when asked.
QString printable(QStringView text, bool keepNewlines = false);

} // namespace spoon
