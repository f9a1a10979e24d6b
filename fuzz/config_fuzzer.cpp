// Feeds arbitrary bytes to the config loader: parsing, locating, validating, building and
// the consistency checks must never crash, hang or leak, whatever the file holds.
#include "config/configloader.h"

#include <QProcessEnvironment>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const spoon::ConfigLoadResult result =
        spoon::ConfigLoader::parse(bytes, QStringLiteral("fuzz.json"), QProcessEnvironment());
    for (const spoon::ConfigDiagnostic &diagnostic : result.diagnostics)
        (void)diagnostic.toString();
    return 0;
}
