import Foundation

/// Checks on what people type, shared by every action that takes text.
extension DeskActions {
    /// Replies and notes: non-empty once trimmed, at most 10,000 characters.
    static func messageText(_ raw: String, field: String = "text") throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DeskError.invalid("empty_text", field: field, "write something first") }
        guard text.count <= 10_000 else {
            throw DeskError(.tooLarge, "text_too_long", "keep it under 10,000 characters", field: field)
        }
        return text
    }

    /// A required name: trimmed, non-empty, bounded.
    static func name(_ raw: String, field: String = "name", code: String = "invalid_name", what: String) throws
        -> String
    {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw DeskError.invalid(code, field: field, "\(what) needs a name (at most 200 characters)")
        }
        return name
    }
}
