import ServiceLifecycle

/// Sleeps, waking early on cancellation or graceful shutdown, so a connector waiting
/// out its poll interval never delays shutdown. Returns false when it should stop.
public func pause(for duration: Duration) async -> Bool {
    do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        return !Task.isShuttingDownGracefully && !Task.isCancelled
    } catch {
        return false
    }
}
