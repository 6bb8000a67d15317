/// What an email reply needs from the mail it answers.
public struct EmailReplyTarget: Sendable, Hashable {
    /// The customer's address (the answered mail's `Reply-To`, else its `From`).
    public var recipient: EmailAddress
    /// The answered mail's subject; the reply's subject is derived from it ("Re: …", once).
    public var subject: String
    /// The answered mail's `Message-ID`, with or without angle brackets; becomes `In-Reply-To`.
    public var inReplyTo: String?
    /// The answered mail's `References` chain (oldest first), to which `inReplyTo` is appended.
    public var references: [String]

    public init(recipient: EmailAddress, subject: String, inReplyTo: String? = nil, references: [String] = []) {
        self.recipient = recipient
        self.subject = subject
        self.inReplyTo = inReplyTo
        self.references = references
    }
}
