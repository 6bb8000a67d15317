import Foundation

/// Timestamps in Rapport's own formats: an ISO 8601 string or a Unix-seconds number.
enum RapportTime {
    static func required(_ key: StaticString, in json: JSONNode, path: String = "") throws(FormatError) -> Date {
        let field = JSONNode.join(path, key)
        let value = json[key]
        switch value?.kind {
        case .string?:
            let s = value!.stringValue!
            guard let date = DateParsing.iso8601(s) else {
                throw FormatError(.invalidDate, "field `\(field)` is not an ISO 8601 date: \(s.prefix(40))")
            }
            return date
        case .int?, .double?: return Date(timeIntervalSince1970: value!.doubleValue!)
        case nil, .null?: throw .missing(field)
        default: throw .wrongType(field, expected: "an ISO 8601 string or Unix seconds")
        }
    }
}
