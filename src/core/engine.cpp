#include "engine.h"

namespace spoon {

Engine::Engine(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_monitor(std::make_unique<ProcessMonitor>(m_registry, m_config.monitoring.sampleIntervalMs,
                                                 m_config.monitoring.historyCapacity()))
{}

Engine::~Engine() = default;

void Engine::start()
{
    m_monitor->start();
}

} // namespace spoon
