import Foundation

/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end in CRLF.
/// Text that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or CR) gets a leading
/// apostrophe: a post saying `=HYPERLINK(…)` must open as text, not as a live formula (OWASP CSV injection).
struct CSVWriter {
    private(set) var text = ""

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        var value = raw
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(value) == nil  // negative numbers stay numbers
        {
            value = "'" + value
        }
        // `isNewline` also catches "\r\n", which Swift holds as one Character.
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
