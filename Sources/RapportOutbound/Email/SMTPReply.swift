/// One SMTP server reply: a three-digit code and its text lines (several for a multi-line reply).
public struct SMTPReply: Sendable, Hashable {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx move the conversation on.
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: the server asks to try again later (greylisting, full mailbox, rate limit).
    public var isTransient: Bool { (400..<500).contains(code) }

    /// The reply as the server wrote it, lines joined by spaces.
    public var text: String { "\(code) " + lines.joined(separator: " ") }
}
