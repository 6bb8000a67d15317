import Foundation
import RapportCore

/// One way to reach a person: an account on a network, an address or a visitor id.
/// Values are normalised at construction, so identities compare as people expect.
public struct Identity: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case x
        case facebook
        case instagram
        case mastodon
        case blueskyDID = "bluesky_did"
        case blueskyHandle = "bluesky_handle"
        case reddit
        case email
        case phone
        case webchatVisitor = "webchat_visitor"

        /// Kinds whose value is a handle people type (`@danaw`), as opposed to an opaque id.
        public var isHandle: Bool {
            switch self {
            case .x, .instagram, .mastodon, .blueskyHandle, .reddit: true
            default: false
            }
        }
    }

    public var kind: Kind
    public var value: String

    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = Self.normalise(value, kind: kind)
    }

    public var description: String { "\(kind.rawValue):\(value)" }

    /// Handles lose `@` and `u/` and are lowercased; phones keep digits and a leading `+`.
    static func normalise(_ raw: String, kind: Kind) -> String {
        var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .phone:
            let digits = value.filter(\.isNumber)
            return value.hasPrefix("+") ? "+" + digits : digits
        case .facebook, .blueskyDID, .webchatVisitor:
            return value
        case .reddit:
            value = value.lowercased()
            if value.hasPrefix("/u/") { value.removeFirst(3) } else if value.hasPrefix("u/") { value.removeFirst(2) }
            return value
        case .x, .instagram, .mastodon, .blueskyHandle, .email:
            value = value.lowercased()
            if value.hasPrefix("@") { value.removeFirst() }
            return value
        }
    }

    /// The handle's comparable core: the local part (before `@` or the first `.` of a domain-style
    /// handle), letters and digits only. Used to spot "dana_w" and "danaw" as similar.
    public var handleStem: String {
        var local = value
        switch kind {
        case .email, .mastodon: local = String(value.split(separator: "@").first ?? "")
        case .blueskyHandle: local = String(value.split(separator: ".").first ?? "")
        default: break
        }
        return local.filter { $0.isLetter || $0.isNumber }
    }

    /// The identities an author of a post stands for.
    public static func of(_ author: Author) -> [Identity] {
        switch author.network {
        case .x: [Identity(.x, author.handle)]
        case .facebook, .messenger: [Identity(.facebook, author.externalID)]
        case .instagram: [Identity(.instagram, author.handle)]
        case .mastodon: [Identity(.mastodon, author.handle)]
        case .bluesky:
            [Identity(.blueskyDID, author.externalID)]
                + (author.handle.isEmpty || author.handle == author.externalID
                    ? [] : [Identity(.blueskyHandle, author.handle)])
        case .reddit: [Identity(.reddit, author.handle)]
        case .email: [Identity(.email, author.externalID)]
        case .phone: [Identity(.phone, author.externalID)]
        case .webchat: [Identity(.webchatVisitor, author.externalID)]
        case .feed, .inPerson: []
        }
    }
}
