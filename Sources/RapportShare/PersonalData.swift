import Foundation

/// Removes a customer's personal data from a text before it becomes a knowledge-base draft that others read:
/// the names the desk knows for the customer (and the name after a greeting), email addresses, phone numbers,
/// @handles and order or reference numbers, each replaced by a bracketed placeholder an editor can see.
public enum PersonalData {
    /// `text` with personal data replaced. `names` are the customer's known names (display name, profile name);
    /// each part of three letters or more is removed wherever it stands as a word, case-insensitively.
    public static func redact(_ text: String, names: [String] = []) -> String {
        var out = text
        out = replace(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, in: out, with: "[email]")
        out = replace(#"(?<![\w/])@[A-Za-z0-9_.]{2,30}"#, in: out, with: "[handle]")
        // Order and reference numbers: "#12345", "order 123456", "AB-123456" (letters, digits, a dash or not).
        out = replace(
            #"(?i)\b(order|commande|pedido|bestellung|ordine|bestelling|encomenda|ref|reference|ticket|invoice|facture|rechnung)\b(\s*(?:no\.?|nr\.?|number|n°))?\s*[:#]?\s*(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{3,}"#,
            in: out, with: "$1$2 [order number]")
        out = replace(#"#\s?\d{4,}"#, in: out, with: "[order number]")
        out = replace(#"\b[A-Z]{1,4}-?\d{5,}\b"#, in: out, with: "[order number]")
        // Phone numbers: optional +country, then 7 or more digits with spaces, dots, dashes or brackets between.
        out = replace(#"(?<!\w)\+?\(?\d[\d\s().\-]{6,}\d(?!\w)"#, in: out, with: "[phone]")
        let parts = Set(
            names.flatMap { $0.split { !($0.isLetter || $0 == "'" || $0 == "-") } }.map(String.init)
                .filter { $0.count >= 3 })
        for part in parts.sorted(by: { $0.count > $1.count }) {
            out = replace(#"(?i)\b"# + NSRegularExpression.escapedPattern(for: part) + #"\b"#, in: out, with: "[name]")
        }
        // "Hi Maria," — whoever is greeted by name is the customer.
        out = replace(
            #"(?m)^(\s*(?:hi|hello|hey|dear|bonjour|salut|hola|hallo|ciao|ola|olá|hoi|beste|liebe|lieber|cher|chère|querido|querida|caro|cara))\s+(?!\[)[\p{Lu}][\p{L}'\-]+(\s+[\p{Lu}][\p{L}'\-]+)?"#,
            in: out, with: "$1 [name]")
        return out
    }

    static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
