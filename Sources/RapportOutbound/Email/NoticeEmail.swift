import Foundation

/// Builds a plain-text notice (an alert, a digest) from Rapport to a list of people, pure.
///
/// The subject is an RFC 2047 word when it is not ASCII, the body UTF-8 in quoted-printable, and the Message-ID
/// is derived from `key`, so a retried notice is the same message to mail systems that deduplicate.
public enum NoticeEmail {
    public static func compose(
        subject: String, text: String, from: EmailAddress, to recipients: [EmailAddress], key: String, date: Date
    ) throws(RequestBuildError) -> ComposedEmail {
        guard !recipients.isEmpty else { throw RequestBuildError("email: no recipient") }
        for address in [from] + recipients where !EmailComposer.isPlausibleAddress(address.address) {
            throw RequestBuildError("email: \"\(address.address)\" is not a usable address")
        }
        // A subject is one header line: line breaks from user text must not start a new header.
        let oneLine = subject.components(separatedBy: .newlines).joined(separator: " ")
        let messageID = EmailComposer.messageID(for: key, domain: from.domain)
        let headers: [(String, String)] = [
            ("From", EmailComposer.mailbox(from)),
            ("To", recipients.map(EmailComposer.mailbox).joined(separator: ",\r\n ")),
            ("Subject", EncodedWord.encodeIfNeeded(String(oneLine.prefix(200)))),
            ("Date", EmailComposer.rfc5322Date(date)),
            ("Message-ID", messageID),
            ("Auto-Submitted", "auto-generated"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
        ]
        let head = headers.map { "\($0.0): \($0.1)\r\n" }.joined()
        return ComposedEmail(
            envelopeFrom: from.address, envelopeTo: recipients.map(\.address), messageID: messageID,
            data: head + "\r\n" + QuotedPrintable.encode(text) + "\r\n")
    }
}
