#pragma once

#include "printable.h"

#include <QString>

#include <unistd.h>

namespace spoon::cli {

// An answer streamed to stdout: on a terminal, a model's escape sequences would drive the
// terminal (retitle it, hide text, ring it), so they are shown as escapes; into a pipe or a
// file the text goes as the model wrote it, for scripts.
inline QString answerForStdout(const QString &text)
{
    static const bool terminal = ::isatty(STDOUT_FILENO) == 1;
    return terminal ? printable(text, true) : text;
}

} // namespace spoon::cli
