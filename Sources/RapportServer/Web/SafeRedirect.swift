/// Where a page may send the browser after sign-in: only a path on this site.
///
/// Browsers strip tabs and newlines from a `Location` and read `\` as `/`, so `/\t/evil.example` or `/\evil`
/// would leave the site; anything but printable ASCII is refused rather than cleaned.
public enum SafeRedirect {
    /// `next` when it is a same-origin absolute path (`/x`), else nil.
    public static func path(_ next: String?) -> String? {
        guard let next, next.utf8.count <= 2_048 else { return nil }
        let bytes = Array(next.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\") { return nil }
        // Printable ASCII only (no space, controls, DEL or non-ASCII), and no backslash anywhere.
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else { return nil }
        return next
    }

    /// `next` when safe, else `fallback`.
    public static func path(_ next: String?, fallback: String) -> String {
        path(next) ?? fallback
    }
}
