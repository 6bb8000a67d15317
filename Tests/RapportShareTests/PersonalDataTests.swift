import RapportShare
import Testing

@Suite("Personal data is removed from drafts")
struct PersonalDataTests {
    @Test("names, emails, phones, handles and order numbers")
    func redacts() {
        let text = """
            Hi Dana,
            thanks Dana Whitfield! I checked order #482913 (ref AB-1234567) for dana.w@example.org and called \
            +44 20 7946 0958. Also replied to @dana_w on X. Order number: 99812-X was refunded.
            """
        let out = PersonalData.redact(text, names: ["Dana Whitfield"])
        for secret in ["Dana", "Whitfield", "482913", "AB-1234567", "dana.w@example.org", "7946", "@dana_w", "99812"] {
            #expect(!out.contains(secret), "\(secret) left in: \(out)")
        }
        #expect(out.contains("[email]"))
        #expect(out.contains("[phone]"))
        #expect(out.contains("[handle]"))
        #expect(out.contains("[order number]"))
        #expect(out.contains("was refunded"))
    }

    @Test("ordinary text is left alone")
    func leavesText() {
        let text = "Hold the button for 10 seconds, then pair again in Bluetooth settings."
        #expect(PersonalData.redact(text, names: ["Sam Lee"]) == text)
    }
}
