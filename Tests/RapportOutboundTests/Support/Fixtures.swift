import Foundation
import NIOCore
import NIOPosix
import RapportOutbound

/// Shared values for the tests.
enum Fixtures {
    /// The transport of the senders under test: a generous deadline, so a stub answering late on a loaded machine
    /// (the suite's other tests busy on both cores) is not taken for a network that never answers. Tests of the
    /// timeout itself give their own short one.
    static let stubTransport = HTTPTransport(timeout: .seconds(120))
    /// The same for SMTP.
    static let stubSMTPTimeout: TimeAmount = .seconds(120)

    /// 2024-03-05 09:30:00 UTC.
    static let fixedDate = Date(timeIntervalSince1970: 1_709_631_000)
    static let clock: @Sendable () -> Date = { fixedDate }

    static func message(
        _ target: ReplyTarget, text: String = "Thanks, we're on it!", isPrivate: Bool = false, key: String = "outbox-42"
    ) -> OutboundMessage {
        OutboundMessage(idempotencyKey: key, target: target, text: text, isPrivate: isPrivate)
    }

    /// A loopback port where nothing listens: bound, then closed again.
    static func unusedPort() async throws -> Int {
        let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = probe.localAddress?.port ?? 0
        try await probe.close().get()
        return port
    }

    static func json(_ data: Data) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }
}
