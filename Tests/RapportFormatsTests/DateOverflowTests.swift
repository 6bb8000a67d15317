import Foundation
import Testing

@testable import RapportFormats

/// rapport-fuzz found an email whose `Date:` header trapped on arithmetic overflow (a crash any stranger could
/// send); out-of-range dates now give no date.
@Suite("Dates out of range")
struct DateOverflowTests {
    @Test(
        "huge or negative fields give no date instead of trapping",
        arguments: [
            "Fri, 20 Nov 99999999999999999 09:12:44 +0000", "Fri, 20 Nov -9223372036854775807 09:12:44 +0000",
            "20 Nov 2026 -5:12:44 +0000", "20 Nov 2026 09:-1:44 +0000", "20 Nov 10000 09:12:44 +0000",
        ])
    func outOfRange(text: String) {
        #expect(DateParsing.rfc822(text) == nil)
    }

    @Test("an email with such a date is refused with an error naming the header, not a crash")
    func emailIsRefused() throws {
        let message = "From: a@b.example\r\nDate: Fri, 20 Nov 99999999999999999 09:12:44 +0000\r\nSubject: x\r\n\r\nhello\r\n"
        #expect {
            _ = try PayloadParser.parse(.email, Array(message.utf8))
        } throws: { "\($0)".contains("Date") }
    }

    @Test("ordinary dates are unchanged")
    func ordinary() {
        #expect(DateParsing.rfc822("Fri, 20 Nov 2026 09:12:44 +0000") == Date(timeIntervalSince1970: 1_795_165_964))
    }
}
