/// Why a payload, or one item in it, could not become posts.
///
/// `code` is stable and machine-readable (it becomes `{"error": {"code": …}}` in the API);
/// `message` is for humans and names the field, line or byte that is wrong.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// Stable error codes. Raw values are snake_case for JSON and metrics labels.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case malformedJSON = "malformed_json"
        case invalidUTF8 = "invalid_utf8"
        case tooDeep = "too_deep"
        case numberOutOfRange = "number_out_of_range"
        case missingField = "missing_field"
        case wrongType = "wrong_type"
        case invalidValue = "invalid_value"
        case invalidDate = "invalid_date"
        case emptyDocument = "empty_document"
        case documentTooLarge = "document_too_large"
        case unsupportedEvent = "unsupported_event"
        case unknownFormat = "unknown_format"
        case malformedXML = "malformed_xml"
        case xmlDoctype = "xml_doctype"
        case xmlEntityDeclaration = "xml_entity_declaration"
        case unsupportedEncoding = "unsupported_encoding"
        case malformedMIME = "malformed_mime"
    }
}

extension FormatError {
    static func missing(_ path: String) -> FormatError {
        FormatError(.missingField, "missing required field `\(path)`")
    }

    static func wrongType(_ path: String, expected: String) -> FormatError {
        FormatError(.wrongType, "field `\(path)` must be \(expected)")
    }
}
