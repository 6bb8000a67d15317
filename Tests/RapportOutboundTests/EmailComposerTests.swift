import Foundation
import Testing

@testable import RapportOutbound

@Suite struct EmailComposerTests {
    static let from = EmailAddress("support@brand.example", displayName: "Brand Support")
    static let target = EmailReplyTarget(
        recipient: EmailAddress("ana@customer.example", displayName: "Ana"),
        subject: "Order 1234 missing",
        inReplyTo: "<CAB123@mail.customer.example>",
        references: ["<first@mail.customer.example>"])

    func compose(_ text: String = "Hello Ana", target: EmailReplyTarget = target) throws -> ComposedEmail {
        try EmailComposer.compose(
            Fixtures.message(.email(target), text: text), from: Self.from, date: Fixtures.fixedDate)
    }

    func header(_ name: String, in email: ComposedEmail) -> String? {
        let head = email.data.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func threadingHeadersFollowRFC5322() throws {
        let email = try compose()
        #expect(header("In-Reply-To", in: email) == "<CAB123@mail.customer.example>")
        #expect(header("References", in: email) == "<first@mail.customer.example> <CAB123@mail.customer.example>")
        #expect(header("Subject", in: email) == "Re: Order 1234 missing")
        #expect(header("From", in: email) == "Brand Support <support@brand.example>")
        #expect(header("To", in: email) == "Ana <ana@customer.example>")
        #expect(header("Date", in: email) == "Tue, 05 Mar 2024 09:30:00 +0000")
        #expect(header("Message-ID", in: email) == "<outbox-42.rapport@brand.example>")
        #expect(header("MIME-Version", in: email) == "1.0")
        #expect(header("Content-Type", in: email) == "text/plain; charset=utf-8")
        #expect(header("Content-Transfer-Encoding", in: email) == "quoted-printable")
        #expect(email.envelopeFrom == "support@brand.example")
        #expect(email.envelopeTo == ["ana@customer.example"])
        #expect(email.messageID == "<outbox-42.rapport@brand.example>")
    }

    @Test func bareMessageIDsAreBracketedAndNotRepeated() throws {
        let email = try compose(
            target: EmailReplyTarget(
                recipient: EmailAddress("a@b.example"), subject: "Re: Hi", inReplyTo: "x@y",
                references: ["w@y", "<x@y>"]))
        #expect(header("In-Reply-To", in: email) == "<x@y>")
        #expect(header("References", in: email) == "<w@y> <x@y>")
        #expect(header("Subject", in: email) == "Re: Hi")
    }

    @Test func everyLineEndsInCRLFAndStaysShort() throws {
        let email = try compose(String(repeating: "long line with words ", count: 40) + "\nsecond\r\nthird")
        #expect(!email.data.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!email.data.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let lines = email.data.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func utf8BodyRoundTripsThroughQuotedPrintable() throws {
        let text = "Grüße aus Köln — 日本語も大丈夫 ✅\n= sign and trailing space \nend"
        let email = try compose(text)
        let body = email.data.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(body.allSatisfy { $0.isASCII })
        #expect(body.contains("=3D sign"))
        #expect(body.contains("space=20\r\n"))
        #expect(QuotedPrintable.decode(body) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    @Test func nonASCIISubjectAndNameAreEncodedWords() throws {
        let email = try EmailComposer.compose(
            Fixtures.message(
                .email(
                    EmailReplyTarget(
                        recipient: EmailAddress("jose@example.com", displayName: "José Ñúñez"),
                        subject: "Pedido no llegó — ¿dónde está? Necesito una respuesta rápida por favor, gracias"))),
            from: Self.from, date: Fixtures.fixedDate)
        let subjectLine = try #require(header("Subject", in: email))
        #expect(subjectLine.hasPrefix("=?UTF-8?B?"))
        #expect(subjectLine.allSatisfy { $0.isASCII })
        #expect(
            EncodedWord.decode(subjectLine)
                == "Re: Pedido no llegó — ¿dónde está? Necesito una respuesta rápida por favor, gracias")
        // Long subjects are split into several words, each within the RFC 2047 limit.
        let words = email.data.components(separatedBy: "\r\n").filter { $0.contains("=?UTF-8?B?") }
        #expect(words.count > 1)
        #expect(
            words.allSatisfy {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "Subject: ", with: "").count <= 75
            })
        let to = try #require(header("To", in: email))
        #expect(EncodedWord.decode(to) == "José Ñúñez <jose@example.com>")
    }

    @Test func encodedWordsNeverSplitACharacter() {
        let text = String(repeating: "😀", count: 40)
        let encoded = EncodedWord.encodeIfNeeded(text)
        for word in encoded.components(separatedBy: "\r\n ") {
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let bytes = Data(base64Encoded: String(payload))
            #expect(bytes.flatMap { String(data: $0, encoding: .utf8) } != nil)
        }
        #expect(EncodedWord.decode(encoded) == text)
    }

    @Test func quotedNameWhenASCIISpecials() throws {
        let email = try EmailComposer.compose(
            Fixtures.message(
                .email(
                    EmailReplyTarget(
                        recipient: EmailAddress("a@b.example", displayName: "Doe, \"JD\" John"), subject: "x"))),
            from: Self.from, date: Fixtures.fixedDate)
        #expect(header("To", in: email) == #""Doe, \"JD\" John" <a@b.example>"#)
    }

    @Test func addressesThatWouldBreakTheEnvelopeAreRefused() {
        #expect(throws: RequestBuildError.self) {
            try compose(target: EmailReplyTarget(recipient: EmailAddress("a@b.example>\r\nRCPT TO:<x@y"), subject: "s"))
        }
    }

    @Test func dotStuffingDoublesLeadingDotsAndTerminates() {
        #expect(DotStuffing.stuff("a\r\n.b\r\n..c\r\n.\r\n") == "a\r\n..b\r\n...c\r\n..\r\n.\r\n")
        #expect(DotStuffing.stuff("no newline at end") == "no newline at end\r\n.\r\n")
    }

    @Test func messageIDIsStableForTheSameRow() {
        #expect(
            EmailComposer.messageID(for: "outbox-7", domain: "b.example")
                == EmailComposer.messageID(for: "outbox-7", domain: "b.example"))
        #expect(EmailComposer.messageID(for: "out box<7>", domain: "b.example") == "<out_box_7_.rapport@b.example>")
    }
}
