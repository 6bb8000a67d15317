/// A mailbox: an address and an optional display name.
public struct EmailAddress: Sendable, Hashable {
    /// `local@domain`, without angle brackets.
    public var address: String
    /// Human-readable name; encoded per RFC 2047 when it is not plain ASCII.
    public var displayName: String?

    public init(_ address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The domain part, used for Message-ID and the EHLO name when none is configured.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "localhost" }
        return String(address[address.index(after: at)...])
    }
}
