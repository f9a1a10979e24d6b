// One line from an MCP server, as the client reads it (JSON-RPC 2.0 over stdio).
#include "agent/mcpframe.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const spoon::McpFrame frame = spoon::McpFrame::parse(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)frame.problem.size();
    (void)frame.errorText.size();
    return 0;
}
