import Foundation

/// The one canonical form of an email address typed by a person, used for look-up *and* for counting sign-in
/// attempts, so padding, width or case variants of one address (`" Admin@X"`, `"admin@x\t"`, `"ａdmin@x"`) are the
/// same account and share one attempt budget.
public enum AccountEmail {
    /// Longest address accepted anywhere (RFC 5321: 64 + 1 + 255); longer input is refused before it is stored.
    public static let maxLength = 320

    /// Trims surrounding whitespace and control characters, applies Unicode NFKC and case-folds.
    /// Returns nil when the result is empty, longer than ``maxLength`` or still holds a control character.
    public static func normalized(_ raw: String) -> String? {
        // Bound the work before any Unicode processing: a 5 MiB field costs nothing more than this check.
        guard raw.utf8.count <= maxLength * 4 else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        let folded = trimmed.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
        guard !folded.isEmpty, folded.count <= maxLength,
            !folded.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { return nil }
        return folded
    }
}
