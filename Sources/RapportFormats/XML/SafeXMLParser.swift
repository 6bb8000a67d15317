import Foundation

/// A small, safe XML parser for feeds.
///
/// Why hand-written: Foundation's `XMLParser` on Linux wraps libxml2, which expands
/// entities and may fetch external ones. This parser accepts the subset feeds use and
/// refuses the dangerous rest:
/// - any `<!DOCTYPE` is refused (`xml_doctype`), and one holding `<!ENTITY` declarations
///   (billion laughs, XXE) is refused with `xml_entity_declaration`; nothing is ever
///   expanded or fetched;
/// - only the five predefined entities and numeric references are decoded; any other
///   `&name;` is an error;
/// - input must be UTF-8 (ISO-8859-1 and Windows-1252 declared in the XML declaration
///   are transcoded first); nesting depth is bounded.
public enum SafeXMLParser {
    /// Parses a document and returns its root element.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(FormatError) -> SafeXMLElement {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FormatError) in try parse(raw, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    static func parse(_ raw: UnsafeRawBufferPointer, maxDepth: Int) throws(FormatError) -> SafeXMLElement {
        var input = Array(raw)
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        if let encoding = declaredEncoding(input) {
            switch encoding {
            case "utf-8", "utf8", "us-ascii", "ascii":
                break
            default:
                guard let charset = Charset(name: encoding), charset != .utf8 else {
                    throw FormatError(.unsupportedEncoding, "XML encoding `\(encoding)` is not supported (use UTF-8)")
                }
                input = Array(charset.decode(input).utf8)
            }
        }
        if let bad = UTF8Validation.firstInvalidOffset(input) {
            throw FormatError(.invalidUTF8, "invalid UTF-8 at byte \(bad) of the XML document")
        }
        var reader = XMLReader(input: input, maxDepth: maxDepth)
        return try reader.document()
    }

    /// The `encoding` of a leading `<?xml … ?>` declaration, lowercased.
    private static func declaredEncoding(_ input: [UInt8]) -> String? {
        guard input.starts(with: Array("<?xml".utf8)), let end = input.firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let declaration = String(decoding: input[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote }).lowercased()
    }
}
