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
    // Tasks are named before co_await: GCC 12 may destroy temporaries of a co_await
    // expression twice (GCC bug 100611).
    QCoro::Task<ToolResult> running = m_inner->execute(arguments, cancel);
    ToolResult result = co_await running;
    if (cacheable && !result.isError && !cancel->isCancelled())
        m_cache.put(key, result);
    co_return result;
}

} // namespace spoon
