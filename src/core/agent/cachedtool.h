#pragma once

#include "cache/ttlcache.h"
#include "tool.h"

#include <memory>

namespace spoon {

using ToolResultCache = TtlCache<ToolResult>;

// The seed's CachedTool as a wrapper any tool can opt into ("config": {"cache": true} on
// the tool, with performance.tools.cache_enabled on): a repeated call with the same
// arguments is answered from the shared tool cache. The key is the SHA-256 of the tool's
// name and its arguments as canonical JSON (sorted keys), as the seed makes it. Only
// read-only calls that succeeded are cached: replaying a POST, or an error, would be wrong.
class CachedTool : public Tool
{
public:
    CachedTool(std::shared_ptr<Tool> inner, ToolResultCache &cache);

    QString name() const override { return m_inner->name(); }
    QString description() const override { return m_inner->description(); }
    QJsonObject parameters() const override { return m_inner->parameters(); }
    bool isReadOnly(const QJsonObject &arguments) const override
    {
        return m_inner->isReadOnly(arguments);
    }
    QCoro::Task<ToolResult> execute(QJsonObject arguments, CancelTokenPtr cancel) override;

    static CacheKey keyFor(const QString &tool, const QJsonObject &arguments);

private:
    std::shared_ptr<Tool> m_inner;
    ToolResultCache &m_cache;
};

} // namespace spoon
