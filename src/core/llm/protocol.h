#pragma once

#include "chattypes.h"
#include "llmerror.h"
#include "net/httpheaders.h"

#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace spoon {

struct ProviderConfig;
struct SseEvent;

// Turns one streamed answer's events into text deltas and, at the end, a ChatResponse.
class ProtocolStream
{
public:
    virtual ~ProtocolStream() = default;
    virtual void onEvent(const SseEvent &event) = 0;
    // Text that arrived since the last call.
    QString takeTextDelta() { return std::exchange(m_delta, QString()); }
    bool isDone() const { return m_done; }
    const LlmError &error() const { return m_error; }
    ChatResponse &response() { return m_response; }

protected:
    void appendText(const QString &text)
    {
        m_delta += text;
        m_response.text += text;
    }
    void markDone() { m_done = true; }
    void setError(LlmError error) { m_error = std::move(error); }
    ChatResponse m_response;

private:
    QString m_delta;
    bool m_done = false;
    LlmError m_error;
};

// One wire protocol: how to address, authenticate, encode a request and decode its answer.
class Protocol
{
public:
    virtual ~Protocol() = default;
    virtual QUrl endpoint(const ProviderConfig &provider) const = 0;
    // Where GET lists the models (both protocols answer {"data": [{"id": ...}]}).
    virtual QUrl modelsEndpoint(const ProviderConfig &provider) const = 0;
    virtual HttpHeaders headers(const ProviderConfig &provider) const = 0;
    virtual QJsonObject body(const ChatRequest &request, const ProviderConfig &provider) const = 0;
    virtual std::unique_ptr<ProtocolStream> newStream() const = 0;
    // A whole (non-streamed) answer; false with *error set when it is not what the protocol
    // promises.
    virtual bool parseResponse(const QByteArray &body, ChatResponse *response,
                               LlmError *error) const = 0;
    // An HTTP error status and its body, as the server explained it.
    virtual LlmError parseError(int status, const QByteArray &body) const = 0;

    static std::unique_ptr<Protocol> forProvider(const ProviderConfig &provider);
};

// Common to both protocols: the provider's base URL, without its trailing slashes, and `path`.
QUrl endpointUrl(const ProviderConfig &provider, QStringView path);

// Common to both protocols: the error kind an HTTP status means.
LlmError::Kind errorKindForStatus(int status);

} // namespace spoon
