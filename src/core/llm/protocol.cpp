#include "protocol.h"

#include "anthropicprotocol.h"
#include "config/config.h"
#include "openaiprotocol.h"

namespace spoon {

std::unique_ptr<Protocol> Protocol::forProvider(const ProviderConfig &provider)
{
    if (provider.type == ProviderType::Anthropic)
        return std::make_unique<AnthropicProtocol>();
    return std::make_unique<OpenAiProtocol>();
}

QUrl endpointUrl(const ProviderConfig &provider, QStringView path)
{
    QStringView base = provider.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base.toString() + path);
}

LlmError::Kind errorKindForStatus(int status)
{
    if (status == 401 || status == 403)
        return LlmError::Kind::Auth;
    if (status == 429)
        return LlmError::Kind::RateLimited;
    if (status == 408)
        return LlmError::Kind::Timeout;
    if (status >= 500)
        return LlmError::Kind::Server;
    return LlmError::Kind::BadRequest;
}

} // namespace spoon
