#include "storage/allowed.h"

#include <QWidget>

#include "cli/commandline.h" // planted: the window does not stand on the CLI
