import Foundation

/// A platform's answer, fully read: status, headers (names lower-cased) and body.
public struct HTTPResponseSnapshot: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The header value for a case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// `true` for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
