import Foundation

/// An opaque position in the newest-first list of mentions: (created at, id).
public struct MentionCursor: Sendable, Hashable {
    public let createdMS: Int64
    public let id: Int64

    public init(createdMS: Int64, id: Int64) {
        self.createdMS = createdMS
        self.id = id
    }

    /// Parses the opaque token handed out by ``token``; nil when it is not one.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let created = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(createdMS: created, id: id)
    }

    public var token: String {
        Data("\(createdMS):\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
