import Foundation

/// A platform request as plain data: what the request builders produce and what tests inspect.
///
/// Building is kept apart from sending so the documented wire format of every network is checked without I/O.
public struct OutboundHTTPRequest: Sendable, Hashable {
    /// `POST` for every send endpoint used here.
    public var method: String
    /// Absolute URL, including any query string.
    public var url: String
    /// Header fields by name (names as sent; lookups in tests use the same spelling).
    public var headers: [String: String]
    /// The request body, already encoded.
    public var body: Data

    public init(method: String = "POST", url: String, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
