import RapportOutbound

/// A sender that plays back scripted results and counts calls.
actor ScriptedSender: ReplySender {
    nonisolated let channels: Set<OutboundChannel>
    nonisolated let deduplicatesRetries: Bool
    private var script: [SendResult]
    private(set) var calls = 0

    init(channels: Set<OutboundChannel>, deduplicates: Bool = false, script: [SendResult]) {
        self.channels = channels
        self.deduplicatesRetries = deduplicates
        self.script = script
    }

    func send(_ message: OutboundMessage) async -> SendResult {
        calls += 1
        return script.count > 1 ? script.removeFirst() : script[0]
    }
}
