import Foundation

/// Builds the MIME text of an email reply, pure.
///
/// Threading follows RFC 5322 §3.6.4: `In-Reply-To` is the answered mail's Message-ID and `References` is its
/// References chain followed by that Message-ID, so every client files the reply in the customer's thread.
/// The body is UTF-8 `text/plain` in quoted-printable; a non-ASCII subject or name is an RFC 2047 word.
public enum EmailComposer {
    /// Composes the reply to `message` from `from`, dated `date`.
    public static func compose(_ message: OutboundMessage, from: EmailAddress, date: Date)
        throws(RequestBuildError) -> ComposedEmail
    {
        guard case .email(let target) = message.target else {
            throw RequestBuildError("email sender cannot send to \(message.channel.rawValue)")
        }
        for address in [from.address, target.recipient.address] where !isPlausibleAddress(address) {
            throw RequestBuildError("email: \"\(address)\" is not a usable address")
        }
        let messageID = messageID(for: message.idempotencyKey, domain: from.domain)
        var headers: [(String, String)] = [
            ("From", mailbox(from)),
            ("To", mailbox(target.recipient)),
            ("Subject", EncodedWord.encodeIfNeeded(replySubject(target.subject))),
            ("Date", rfc5322Date(date)),
            ("Message-ID", messageID),
        ]
        let answered = target.inReplyTo.map(bracketed)
        if let answered {
            headers.append(("In-Reply-To", answered))
        }
        var chain = target.references.map(bracketed)
        if let answered, !chain.contains(answered) { chain.append(answered) }
        if !chain.isEmpty {
            // One id per line keeps each line far below the 998-octet limit however long the thread is.
            headers.append(("References", chain.joined(separator: "\r\n ")))
        }
        headers += [
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
        ]
        let head = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        let data = head + "\r\n" + QuotedPrintable.encode(message.text) + "\r\n"
        return ComposedEmail(
            envelopeFrom: from.address, envelopeTo: [target.recipient.address], messageID: messageID, data: data)
    }

    /// "Re: " once, however many the answered subject already carries.
    public static func replySubject(_ subject: String) -> String {
        let trimmed = subject.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("re:") { return trimmed }
        return trimmed.isEmpty ? "Re: your message" : "Re: " + trimmed
    }

    /// A Message-ID derived from the outbox key, so a resend of the same row carries the same id and mail
    /// systems that deduplicate by Message-ID see one message.
    public static func messageID(for idempotencyKey: String, domain: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        let local = String(idempotencyKey.map { allowed.contains($0) ? $0 : "_" })
        return "<\(local.isEmpty ? "reply" : local).rapport@\(domain)>"
    }

    /// `Name <address>`, the name quoted or encoded as needed.
    static func mailbox(_ address: EmailAddress) -> String {
        guard let name = address.displayName, !name.isEmpty else { return "<\(address.address)>" }
        let isAtomText = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " ") }
        let shown: String
        if isAtomText {
            shown = name
        } else if name.allSatisfy({ $0.isASCII }) {
            shown =
                "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        } else {
            shown = EncodedWord.encodeIfNeeded(name)
        }
        return "\(shown) <\(address.address)>"
    }

    static func bracketed(_ id: String) -> String {
        let bare = id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
        return "<\(bare)>"
    }

    /// Rejects what would break the SMTP envelope (line breaks, brackets, spaces) rather than validating RFC 5321.
    static func isPlausibleAddress(_ address: String) -> Bool {
        let forbidden = CharacterSet(charactersIn: "<>\r\n \t")
        return address.contains("@") && address.rangeOfCharacter(from: forbidden) == nil
    }

    /// `Tue, 05 Mar 2024 09:30:00 +0000`.
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
