#include "demoscript.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

bool offersTool(const QJsonObject &request, const QString &name)
{
    const QJsonArray tools = request[u"tools"].toArray();
    for (const QJsonValue &tool : tools) {
        if (tool[u"function"][u"name"].toString() == name)
            return true;
    }
    return false;
}

QString lastUserText(const QJsonArray &messages)
{
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i)[u"role"].toString() == "user"_L1)
            return messages.at(i)[u"content"].toString();
    }
    return {};
}

QString describeSystemInfo(const QJsonObject &info)
{
    const QLocale c = QLocale::c();
    QStringList facts;
    const QJsonObject process = info[u"process"].isObject() ? info[u"process"].toObject() : info;
    if (process.contains(u"cpu_percent"_s))
        facts.append(
            u"- **CPU:** %1 % of one core"_s.arg(process[u"cpu_percent"].toDouble(), 0, 'f', 1));
    if (process.contains(u"rss_bytes"_s))
        facts.append(u"- **Memory:** %1 resident"_s.arg(c.formattedDataSize(
            qint64(process[u"rss_bytes"].toDouble()), 1, QLocale::DataSizeIecFormat)));
    if (process.contains(u"threads"_s))
        facts.append(u"- **Threads:** %1"_s.arg(process[u"threads"].toInt()));
    if (process.contains(u"open_fds"_s))
        facts.append(u"- **Open files:** %1"_s.arg(process[u"open_fds"].toInt()));
    return facts.join(u'\n');
}

QString summarizeToolResult(const QString &tool, const QString &content)
{
    const QJsonDocument document = QJsonDocument::fromJson(content.toUtf8());
    if (document.isObject()) {
        const QString facts = describeSystemInfo(document.object());
        if (!facts.isEmpty()) {
            return u"Here is what the engine reports right now:\n\n"_s + facts +
                   u"\n\nThese figures come from the `"_s + tool +
                   u"` tool, which reads the same registry the dashboard draws from."_s;
        }
    }
    QString excerpt = content.simplified();
    if (excerpt.size() > 240)
        excerpt = excerpt.first(240) + u"..."_s;
    return u"The `%1` tool answered:\n\n> %2\n\nThat is everything it returned."_s.arg(tool,
                                                                                       excerpt);
}

QString scriptedAnswer(const QString &question)
{
    QString asked = question.simplified();
    if (asked.size() > 160)
        asked = asked.first(160) + u"..."_s;
    return u"This answer comes from the **Spoon Console demo endpoint**, a scripted "
           u"OpenAI-compatible server inside the app. No LLM provider key is set, so it "
           u"stands in for one.\n\n"
           u"You asked: \"%1\"\n\n"
           u"What the demo shows:\n\n"
           u"1. **Streaming.** These words arrive as server-sent events, a token at a time, "
           u"as a real model's would.\n"
           u"2. **Tool calls.** Ask about the engine's CPU or memory and the demo calls the "
           u"`system_info` tool first.\n"
           u"3. **Live figures.** Time to first token, tokens per second and latency "
           u"percentiles are measured on these answers like on any other.\n\n"
           u"To talk to a real model, add it in **File > Settings > Providers** (Ctrl+,): "
           u"a hosted one with its API key, or a server on this machine (llama.cpp, vLLM, "
           u"Ollama) with none. Setting `OPENAI_API_KEY` (or another provider's key) before "
           u"the start works too."_s.arg(asked);
}

// Asked for code, the demo shows how to leave it: a config that points at a real model, and
// the same endpoint from a script. It also shows how code blocks render.
QString codeAnswer()
{
    return u"Here is how to point Spoon Console at a real model without the window: "
           u"**File > Settings > Providers** does the same. Put this in "
           u"`~/.config/spoon-console/config.json`:\n\n"
           u"```json\n"
           u"{\n"
           u"  \"providers\": {\"openai\": {\"model\": \"gpt-4.1-mini\"}},\n"
           u"  \"llm_settings\": {\"default_provider\": \"openai\"}\n"
           u"}\n"
           u"```\n\n"
           u"then set the key in the environment and start the console again:\n\n"
           u"```sh\n"
           u"export OPENAI_API_KEY=sk-...\n"
           u"spoon-console check-config && spoon-console\n"
           u"```\n\n"
           u"The demo endpoint speaks the same protocol, so any OpenAI client can use it too:\n\n"
           u"```python\n"
           u"from openai import OpenAI\n"
           u"client = OpenAI(base_url=\"http://127.0.0.1:PORT/v1\", api_key=\"demo\")\n"
           u"for chunk in client.chat.completions.create(\n"
           u"        model=\"spoon-demo\", stream=True,\n"
           u"        messages=[{\"role\": \"user\", \"content\": \"Hello\"}]):\n"
           u"    print(chunk.choices[0].delta.content or \"\", end=\"\")\n"
           u"```\n\n"
           u"Each code block has its own Copy button; right-click an answer to copy all of it."_s;
}

} // namespace

DemoReply demoReplyFor(const QJsonObject &request)
{
    const QJsonArray messages = request[u"messages"].toArray();
    DemoReply reply;
    if (!messages.isEmpty() && messages.last()[u"role"].toString() == "tool"_L1) {
        // Name the tool from the assistant message that called it.
        QString tool = u"tool"_s;
        const QString callId = messages.last()[u"tool_call_id"].toString();
        for (const QJsonValue &message : messages) {
            const QJsonArray calls = message[u"tool_calls"].toArray();
            for (const QJsonValue &call : calls) {
                if (call[u"id"].toString() == callId)
                    tool = call[u"function"][u"name"].toString();
            }
        }
        reply.text = summarizeToolResult(tool, messages.last()[u"content"].toString());
        return reply;
    }
    const QString question = lastUserText(messages);
    static const QRegularExpression aboutEngine(
        u"\\b(cpu|memory|ram|health|system|load|status|engine|performance|process)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression url(u"https?://[^\\s\"'<>]+"_s);
    if (offersTool(request, u"system_info"_s) && aboutEngine.match(question).hasMatch()) {
        reply.isToolCall = true;
        reply.toolName = u"system_info"_s;
        reply.toolArguments = u"{}"_s;
        return reply;
    }
    const QRegularExpressionMatch link = url.match(question);
    if (offersTool(request, u"http_request"_s) && link.hasMatch()) {
        reply.isToolCall = true;
        reply.toolName = u"http_request"_s;
        reply.toolArguments =
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"urls"_s, QJsonArray{link.captured()}}})
                                  .toJson(QJsonDocument::Compact));
        return reply;
    }
    static const QRegularExpression wantsCode(u"\\b(code|snippet|script|example|python)\\b"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    reply.text = wantsCode.match(question).hasMatch() ? codeAnswer() : scriptedAnswer(question);
    return reply;
}

QStringList demoTokens(const QString &text)
{
    // Words with the whitespace after them, long words cut in four-character pieces: close
    // enough to how BPE tokenizers split English text.
    QStringList tokens;
    QString current;
    for (QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !current.isEmpty() && (current.back().isSpace() || current.size() >= 4)) {
            tokens.append(current);
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

int estimateTokens(const QString &text)
{
    return int((text.size() + 3) / 4);
}

} // namespace spoon
