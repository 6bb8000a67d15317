import Foundation
import RapportCore
import Testing

@Suite("Email address normalisation")
struct AccountEmailTests {
    @Test(
        "padding, width and case variants of one address are the same address",
        arguments: [
            " admin@x", "admin@x\t", "\nADMIN@X ", "Admin@X\u{0}", "\u{FF41}dmin@x", "ADMİN@x".replacingOccurrences(
                of: "İ", with: "I"),
        ])
    func variants(raw: String) {
        #expect(AccountEmail.normalized(raw) == "admin@x")
    }

    @Test("empty, oversized and control-laden input is refused")
    func refused() {
        #expect(AccountEmail.normalized("") == nil)
        #expect(AccountEmail.normalized(" \t\n") == nil)
        #expect(AccountEmail.normalized(String(repeating: "a", count: 5 * 1_048_576)) == nil)
        #expect(AccountEmail.normalized(String(repeating: "a", count: 321)) == nil)
        #expect(AccountEmail.normalized("ad\u{7}min@x") == nil)
        #expect(AccountEmail.normalized(String(repeating: "a", count: 318) + "@x") != nil)
    }
}
