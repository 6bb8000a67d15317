import Foundation

/// Small helpers to read fields from platform JSON without a Codable type per response.
enum JSONValue {
    /// Parses `data` as a JSON object.
    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// The string (or number, rendered) at a key path such as `["data", "id"]`.
    static func string(_ data: Data, at path: [String]) -> String? {
        var current: Any? = object(data)
        for key in path {
            current = (current as? [String: Any])?[key]
        }
        switch current {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// Encodes a value with stable key order, so request bodies are reproducible byte for byte.
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }
}
