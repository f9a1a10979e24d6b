// Differential: whenever scanOpenAiChunk reads a chunk, QJsonDocument must read it too and
// find the same model, text delta and finish reason, and nothing the fast path skips
// (an error, usage, tool calls). Any difference aborts.
#include "llm/openaichunkscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<spoon::OpenAiChunkFields> fast = spoon::scanOpenAiChunk(json);
    if (!fast)
        return 0;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    require(error.error == QJsonParseError::NoError && document.isObject());
    const QJsonObject chunk = document.object();
    require(!chunk[u"error"].isObject() && !chunk[u"error"].isString());
    require(chunk[u"usage"].isNull() || chunk[u"usage"].isUndefined());
    require(chunk[u"model"].toString() == fast->model);
    const QJsonArray choices = chunk[u"choices"].toArray();
    const QJsonValue choice = choices.isEmpty() ? QJsonValue() : choices.first();
    const QJsonValue delta = choice[u"delta"];
    require(delta[u"tool_calls"].toArray().isEmpty());
    require(delta[u"content"].toString() == fast->content);
    const QJsonValue reason = choice[u"finish_reason"];
    require(reason.isString() == fast->finishReason.has_value());
    require(!reason.isString() || reason.toString() == *fast->finishReason);
    return 0;
}
