#include "cachedtool.h"

namespace spoon {

CachedTool::CachedTool(std::shared_ptr<Tool> inner, ToolResultCache &cache)
    : m_inner(std::move(inner))
    , m_cache(cache)
{}

CacheKey CachedTool::keyFor(const QString &tool, const QJsonObject &arguments)
{
    return CacheKey::ofJson(
        QJsonObject{{QStringLiteral("tool"), tool}, {QStringLiteral("arguments"), arguments}});
}

QCoro::Task<ToolResult> CachedTool::execute(QJsonObject arguments, CancelTokenPtr cancel)
{
    const bool cacheable = m_inner->isReadOnly(arguments);
    const CacheKey key = keyFor(m_inner->name(), arguments);
    if (cacheable) {
        if (const ToolResult *hit = m_cache.get(key))
            co_return *hit;
    }
    ToolResult result = co_await m_inner->execute(arguments, cancel);
    if (cacheable && !result.isError && !cancel->isCancelled())
        m_cache.put(key, result);
    co_return result;
}

} // namespace spoon
