import Foundation
import RapportCore

/// One RFC 5322 / MIME message → one post (network `email`, kind `email`, origin `owned`).
///
/// - `Message-ID` → `externalID` (without `<>`); a message without one gets a stable
///   `rapport:` fingerprint of its bytes, so redeliveries still deduplicate.
/// - `In-Reply-To` → `inReplyToID`; the first `References` id (else `In-Reply-To`) → `threadID`.
/// - `From` → the author (handle and id = the lowercased address, display name decoded).
/// - `Subject` (RFC 2047 decoded) → `title`; `Date` → `createdAt` (else `receivedAt`).
/// - Text: the first `text/plain` part that is not an attachment, else the first
///   `text/html` part as text; transfer encodings and charsets undone.
enum EmailParser {
    static func parse(
        _ raw: UnsafeRawBufferPointer, receivedAt: Date, limits: ParseLimits
    ) throws(FormatError) -> IncomingPost? {
        try parse(Array(raw)[...], receivedAt: receivedAt, limits: limits)
    }

    static func parse(_ bytes: ArraySlice<UInt8>, receivedAt: Date, limits: ParseLimits) throws(FormatError)
        -> IncomingPost?
    {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw FormatError(.emptyDocument, "empty email message")
        }
        let message = MIMEPart(bytes)
        guard !message.headers.isEmpty else {
            throw FormatError(.malformedMIME, "no RFC 5322 header block (expected `Name: value` lines)")
        }
        guard let fromHeader = message.header("from") else { throw .missing("From") }
        guard let from = EmailAddress.parse(EncodedWords.decode(fromHeader)) else {
            throw FormatError(.invalidValue, "header `From` holds no email address: \(fromHeader.prefix(60))")
        }
        let createdAt: Date
        if let dateHeader = message.header("date") {
            guard let date = DateParsing.rfc822(dateHeader) ?? DateParsing.iso8601(dateHeader) else {
                throw FormatError(.invalidDate, "header `Date` is not an RFC 5322 date: \(dateHeader.prefix(60))")
            }
            createdAt = date
        } else {
            createdAt = receivedAt
        }
        let messageID = message.header("message-id").flatMap { EmailAddress.messageIDs($0).first }
        let inReplyTo = message.header("in-reply-to").flatMap { EmailAddress.messageIDs($0).first }
        let threadRoot = message.header("references").flatMap { EmailAddress.messageIDs($0).first } ?? inReplyTo
        let subject = message.header("subject").map(EncodedWords.decode)
        var text = try bodyText(message, depth: 0, maxDepth: limits.maxMIMEDepth) ?? ""
        text = normaliseNewlines(text)
        let address = from.address.lowercased()
        return IncomingPost(
            network: .email, externalID: messageID ?? FeedParser.fingerprint(String(decoding: bytes, as: UTF8.self)),
            author: Author(network: .email, externalID: address, handle: address, displayName: from.name),
            text: text, title: subject?.isEmpty == false ? subject : nil, createdAt: createdAt, kind: .email,
            origin: .owned, inReplyToID: inReplyTo, threadID: threadRoot)
    }

    /// The best text of a part tree: plain text first, HTML as a fallback.
    private static func bodyText(_ part: MIMEPart, depth: Int, maxDepth: Int) throws(FormatError) -> String? {
        var html: String?
        if let plain = try find(part, wantHTML: false, html: &html, depth: depth, maxDepth: maxDepth) { return plain }
        return html.map(HTMLText.text(fromHTML:))
    }

    private static func find(
        _ part: MIMEPart, wantHTML: Bool, html: inout String?, depth: Int, maxDepth: Int
    ) throws(FormatError) -> String? {
        guard depth <= maxDepth else {
            throw FormatError(.tooDeep, "MIME multipart nesting deeper than \(maxDepth) levels")
        }
        let type = part.contentType
        if type.isMultipart {
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
                throw FormatError(.malformedMIME, "multipart part without a boundary parameter")
            }
            for child in Multipart.split(part.body, boundary: boundary) {
                if let text = try find(
                    MIMEPart(child), wantHTML: wantHTML, html: &html, depth: depth + 1, maxDepth: maxDepth)
                {
                    return text
                }
            }
            return nil
        }
        guard !part.isAttachment else { return nil }
        let charset = type.parameters["charset"].flatMap(Charset.init(name:)) ?? .utf8
        switch type.mimeType {
        case "text/plain":
            return charset.decode(part.decodedBody)
        case "text/html":
            if html == nil { html = charset.decode(part.decodedBody) }
            return nil
        default:
            return nil
        }
    }

    /// CRLF → LF, and no trailing blank lines or spaces.
    private static func normaliseNewlines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = line
            while let last = l.last, last == "\r" || last == " " || last == "\t" { l.removeLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}
