import Foundation

/// SMTP transparency (RFC 5321 §4.5.2): inside DATA a line that begins with "." gets a second one, and the
/// message ends with CRLF "." CRLF.
public enum DotStuffing {
    /// `data` (CRLF lines) ready to write after `354`, terminator included.
    public static func stuff(_ data: String) -> String {
        var lines = data.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return stuffed.map { $0 + "\r\n" }.joined() + ".\r\n"
    }
}
