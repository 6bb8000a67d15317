/// A reply ready for SMTP: envelope addresses and the RFC 5322 message (CRLF line ends, not yet dot-stuffed).
public struct ComposedEmail: Sendable, Hashable {
    /// Envelope sender (`MAIL FROM`).
    public var envelopeFrom: String
    /// Envelope recipients (`RCPT TO`).
    public var envelopeTo: [String]
    /// The new message's `Message-ID`, with angle brackets: the reply's external id.
    public var messageID: String
    /// Header and body, CRLF-terminated lines.
    public var data: String

    public init(envelopeFrom: String, envelopeTo: [String], messageID: String, data: String) {
        self.envelopeFrom = envelopeFrom
        self.envelopeTo = envelopeTo
        self.messageID = messageID
        self.data = data
    }
}
