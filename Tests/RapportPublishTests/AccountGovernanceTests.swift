import Foundation
import RapportPublish
import Testing

@Suite("Account governance: handles, dormancy and brand names")
struct AccountGovernanceTests {
    @Test("handles are keyed without @ and in lower case; anything else is refused")
    func handles() {
        #expect(AccountGovernance.handle("  @AcmeSupport ") == "acmesupport")
        #expect(AccountGovernance.handle("acme@social.example") == "acme@social.example")
        #expect(AccountGovernance.handle("acme.bsky.social") == "acme.bsky.social")
        #expect(AccountGovernance.handle("") == nil)
        #expect(AccountGovernance.handle("@") == nil)
        #expect(AccountGovernance.handle("<script>") == nil)
        #expect(AccountGovernance.handle("acme support") == nil)
        #expect(AccountGovernance.handle(String(repeating: "a", count: 101)) == nil)
    }

    @Test("an account is dormant after the window without activity, or when none was ever seen")
    func dormancy() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(AccountGovernance.isDormant(lastActivity: nil, now: now, days: 90))
        #expect(!AccountGovernance.isDormant(lastActivity: now.addingTimeInterval(-89 * 86_400), now: now, days: 90))
        #expect(AccountGovernance.isDormant(lastActivity: now.addingTimeInterval(-91 * 86_400), now: now, days: 90))
        #expect(AccountGovernance.flags(ownerID: nil, lastActivity: now, now: now, days: 90) == ["unowned"])
        #expect(AccountGovernance.flags(ownerID: 3, lastActivity: nil, now: now, days: 90) == ["dormant"])
    }

    @Test("a brand's name is found in handles and display names whatever the separators and case")
    func brandNames() {
        let brands = ["Acme Mobile", "zo"]
        #expect(AccountGovernance.brand(carriedBy: "acme_mobile_help", name: nil, brands: brands) == "Acme Mobile")
        #expect(
            AccountGovernance.brand(carriedBy: "support247", name: "ACME-Mobile Care", brands: brands) == "Acme Mobile")
        #expect(AccountGovernance.brand(carriedBy: "acme", name: "Acme", brands: brands) == nil, "only part of it")
        #expect(AccountGovernance.brand(carriedBy: "zoe", name: nil, brands: brands) == nil, "too short to tell")
    }
}
