import Foundation

/// Field checks shared by the CSV import and the JSON API, so both accept and refuse the same values.
public enum OrderValidation {
    /// Amounts above this are refused as typos (no shop order is a billion).
    public static let largestAmount = 1_000_000_000.0

    /// A 3-letter currency code, upper-cased; nil when it is not one.
    public static func currency(_ raw: String) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return code
    }

    /// A finite, non-negative amount with "." as decimal separator; nil otherwise.
    public static func amount(_ raw: String) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(text), value.isFinite, value >= 0, value <= largestAmount
        else { return nil }
        return value
    }

    /// An order id: 1–200 printable characters.
    public static func orderID(_ raw: String) -> String? {
        let id = raw.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, id.count <= 200,
            !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return id
    }

    /// An ISO 8601 date-time (`2026-03-01T10:00:00Z`, fractional seconds allowed) or a plain date (`2026-03-01`,
    /// midnight UTC).
    public static func date(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        if let date = full.date(from: text) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard text.count == 10 else { return nil }
        return day.date(from: text)
    }

    /// `customer_email`, `customer_id` or `customer_handle` cell → a reference.
    public static func customer(column: String, _ raw: String) -> CustomerReference? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, value.count <= 320 else { return nil }
        switch column {
        case "customer_id": return Int64(value).flatMap { $0 > 0 ? .id($0) : nil }
        case "customer_email": return value.contains("@") && !value.hasPrefix("@") ? .email(value.lowercased()) : nil
        case "customer_handle": return .handle(value)
        default: return nil
        }
    }
}
