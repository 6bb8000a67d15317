import Foundation

/// What a customer has agreed to be contacted or used for.
public enum ConsentPurpose: String, CaseIterable, Codable, Sendable {
    /// Satisfaction surveys after a conversation (sent unless refused).
    case surveys
    /// Marketing by email (only when granted).
    case marketingEmail = "marketing_email"
    /// Marketing by SMS or direct message (only when granted).
    case marketingMessages = "marketing_messages"
    /// Quoting the customer's posts in public (the live "what customers say" page, case studies).
    case publicQuotes = "public_quotes"
    /// Service updates in a conversation the customer started: "the outage you reported is fixed" when a known
    /// incident is resolved (sent unless refused).
    case serviceUpdates = "service_updates"

    /// Whether the purpose is allowed when the customer has said nothing: surveys and service updates about a
    /// service the customer asked for are; marketing and public quotes need a yes.
    public var allowedByDefault: Bool { self == .surveys || self == .serviceUpdates }

    public var label: String {
        switch self {
        case .surveys: "Satisfaction surveys"
        case .marketingEmail: "Marketing email"
        case .marketingMessages: "Marketing SMS / DMs"
        case .publicQuotes: "Quote their posts publicly"
        case .serviceUpdates: "Updates about a problem they reported"
        }
    }
}

/// One recorded answer: yes or no, when, who recorded it and how the customer said it.
public struct ConsentRecord: Codable, Hashable, Sendable {
    public var granted: Bool
    public var at: Date
    /// `agent:3`, `api`, `import`, `survey`.
    public var recordedBy: String
    /// How the customer expressed it ("asked in chat", "unsubscribe link").
    public var source: String

    public init(granted: Bool, at: Date, recordedBy: String, source: String) {
        self.granted = granted
        self.at = at
        self.recordedBy = recordedBy
        self.source = source
    }
}

/// A customer's consent flags, per purpose.
public struct ConsentFlags: Codable, Hashable, Sendable {
    public var records: [String: ConsentRecord]

    public init(records: [String: ConsentRecord] = [:]) {
        self.records = records
    }

    public subscript(purpose: ConsentPurpose) -> ConsentRecord? {
        get { records[purpose.rawValue] }
        set { records[purpose.rawValue] = newValue }
    }

    /// Whether contacting or using the customer for `purpose` is allowed now.
    public func allows(_ purpose: ConsentPurpose) -> Bool {
        self[purpose]?.granted ?? purpose.allowedByDefault
    }

    /// Two profiles of one person: per purpose, the customer's most recent answer stands.
    public func merged(with other: ConsentFlags) -> ConsentFlags {
        ConsentFlags(records: records.merging(other.records) { mine, theirs in theirs.at > mine.at ? theirs : mine })
    }
}
