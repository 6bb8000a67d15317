import Crypto
import Foundation

/// Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`.
public enum MetaSignature {
    public enum Failure: Error, Equatable {
        case missing
        case malformed
        case mismatch
    }

    public static func verify(body: [UInt8], header: String?, appSecret: String) throws(Failure) {
        guard let header, !header.isEmpty else { throw .missing }
        guard header.hasPrefix("sha256="), let expected = hexBytes(header.dropFirst(7)), expected.count == 32 else {
            throw .malformed
        }
        let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(appSecret.utf8))))
        guard constantTimeEquals(mac, expected) else { throw .mismatch }
    }

    /// The header value Meta would send for `body` (used by tests and the demo).
    public static func sign(body: [UInt8], appSecret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(appSecret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func hexBytes(_ hex: Substring) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
