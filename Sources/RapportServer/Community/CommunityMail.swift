import Foundation
import RapportOutbound

/// How the community sends one email: the SMTP relay in production, a recorder in tests. Returns nil when the
/// relay accepted it, else why not.
public struct CommunityMail: Sendable {
    public typealias Send = @Sendable (_ to: String, _ subject: String, _ text: String, _ key: String) async -> String?

    public var send: Send

    public init(send: @escaping Send) {
        self.send = send
    }

    /// One attempt through `smtp` per call (the community mail queue retries; sign-in links are asked for again).
    public static func smtp(_ configuration: SMTPConfiguration) -> CommunityMail {
        CommunityMail { to, subject, text, key in
            let mailer = NoticeMailer(
                configuration: configuration, recipients: [EmailAddress(to)],
                policy: RetryPolicy(maxAttempts: 1, initialDelay: 1, maxDelay: 1))
            return await mailer.send(subject: subject, text: text, key: key)
        }
    }
}
