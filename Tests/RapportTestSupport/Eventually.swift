/// Polls `condition` until it holds or `timeout` has passed; returns whether it held.
///
/// Tests wait on what they need (a delivery sent, a queue drained), never for a fixed time: on a
/// loaded machine background work can take seconds, so the deadline is generous and only a real
/// failure reaches it. Callers `#expect` the result, or re-check the state they waited for.
@discardableResult
public func eventually(
    timeout: Duration = .seconds(60), every interval: Duration = .milliseconds(20),
    _ condition: () async throws -> Bool
) async throws -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
        if try await condition() { return true }
        if clock.now >= deadline { return false }
        try await Task.sleep(for: interval)
    }
}
