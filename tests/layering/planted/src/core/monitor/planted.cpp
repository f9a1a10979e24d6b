#include "alert.h"

#include <QWidget> // planted: the engine runs headless
