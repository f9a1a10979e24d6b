// Differential: whenever a chunk scanner reads an event, QJsonDocument must read it too and
// find the same fields, and nothing the scanner skips (an error, usage, tool calls, another
// event type). Any difference aborts. Both scanners see every input.
#include "llm/chunkscanner.h"

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

QJsonObject domOf(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    require(error.error == QJsonParseError::NoError && document.isObject());
    return document.object();
}

void checkOpenAi(const QByteArray &json)
{
    const std::optional<spoon::OpenAiChunkFields> fast = spoon::scanOpenAiChunk(json);
    if (!fast)
        return;
    const QJsonObject chunk = domOf(json);
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
}

void checkAnthropic(const QByteArray &json)
{
    const std::optional<QString> text = spoon::scanAnthropicTextDelta(json);
    if (!text)
        return;
    const QJsonObject event = domOf(json);
    require(event[u"type"].toString() == QLatin1String("content_block_delta"));
    require(event[u"delta"][u"type"].toString() == QLatin1String("text_delta"));
    require(event[u"delta"][u"text"].toString() == *text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    checkOpenAi(json);
    checkAnthropic(json);
    return 0;
}
