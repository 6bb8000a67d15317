import Foundation

/// The inventory's rules: which networks an account may be on, how a handle is written, when an account is
/// dormant, and whether a stranger's handle carries a brand's name. Pure.
public enum AccountGovernance {
    /// Networks an inventory entry may name: those Rapport publishes to and the other large ones a brand keeps
    /// accounts on (kept in the inventory only).
    public static let networks: [String] =
        PublishNetwork.allCases.map(\.rawValue) + [
            "reddit", "youtube", "tiktok", "linkedin", "threads", "pinterest", "whatsapp", "telegram",
        ]

    /// The handle as the inventory keys it: trimmed, without leading `@`, lower-cased; nil when empty, longer than
    /// 100 characters, or holding anything but letters, digits and `_ . - @` (a Mastodon `user@instance`).
    public static func handle(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasPrefix("@") { text.removeFirst() }
        text = text.lowercased()
        guard !text.isEmpty, text.count <= 100,
            text.unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." || $0 == "-" || $0 == "@"
            })
        else { return nil }
        return text
    }

    /// No post or reply seen from the account for `days` days, or none ever seen.
    public static func isDormant(lastActivity: Date?, now: Date, days: Int) -> Bool {
        guard let lastActivity else { return true }
        return now.timeIntervalSince(lastActivity) > Double(days) * 86_400
    }

    /// What an admin should look at for an account: `unowned` (nobody answers for it) and `dormant`.
    public static func flags(ownerID: Int64?, lastActivity: Date?, now: Date, days: Int) -> [String] {
        var flags: [String] = []
        if ownerID == nil { flags.append("unowned") }
        if isDormant(lastActivity: lastActivity, now: now, days: days) { flags.append("dormant") }
        return flags
    }

    /// Letters and digits only, lower-cased: "Acme_Mobile", "acme.mobile" and "ACME Mobile" all read "acmemobile".
    public static func squeezed(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The first brand (of at least 3 letters or digits) whose squeezed name is inside the squeezed handle or
    /// display name.
    public static func brand(carriedBy handle: String, name: String?, brands: [String]) -> String? {
        let h = squeezed(handle)
        let n = squeezed(name ?? "")
        return brands.first { brand in
            let b = squeezed(brand)
            return b.count >= 3 && (h.contains(b) || n.contains(b))
        }
    }
}
