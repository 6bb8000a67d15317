import Foundation

/// `application/x-www-form-urlencoded`, as the Graph API's comment endpoints document their parameters.
enum FormURLEncoding {
    /// Characters left as they are (RFC 3986 unreserved); everything else is percent-encoded, spaces included.
    private static let unreserved = CharacterSet(
        charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ fields: [(String, String)]) -> Data {
        let pairs = fields.map { escape($0.0) + "=" + escape($0.1) }
        return Data(pairs.joined(separator: "&").utf8)
    }

    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// A path segment from an external id: ids are digits and underscores, but never trust them into a URL raw.
    static func pathSegment(_ value: String) -> String { escape(value) }
}
