import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportIngest
import RapportServer
import RapportStore

/// The demo's brand account inventory: Acme Mobile's accounts (one unowned, one dormant), and two strangers using
/// the brand's name that listening "sees" — a fan club and an impersonator asking for passwords — for review on
/// `/admin/accounts`. Written once, on the first start.
enum DemoBrandAccounts {
    static func seed(_ services: RapportServices, now: Date = Date()) async throws {
        let store = BrandAccountStore(database: services.database)
        guard try await store.all().isEmpty else { return }
        let users = services.desk.users
        let supervisor = try await users.credentials(email: "supervisor@rapport.demo")?.user.id
        let admin = try await users.credentials(email: "admin@rapport.demo")?.user.id
        let care = try await services.desk.teams.all().first { $0.name == "Social care" }?.id.rawValue
        // The X account answers the desk's replies (the demo's simulated X), so what the desk delivers is its activity.
        var x = BrandAccountStore.NewAccount(network: "x", handle: "acmemobile")
        (x.name, x.ownerID, x.teamID, x.purpose, x.followers, x.isDefault) = (
            "Acme Mobile", supervisor, care, "Customer care and service news", 48_200, true
        )
        var instagram = BrandAccountStore.NewAccount(network: "instagram", handle: "acme.mobile")
        (instagram.name, instagram.ownerID, instagram.purpose, instagram.followers) = (
            "Acme Mobile", admin, "Product launches", 120_500
        )
        var youtube = BrandAccountStore.NewAccount(network: "youtube", handle: "acmemobilees")
        (youtube.name, youtube.purpose, youtube.followers) = ("Acme Móvil España", "Tutorials (Spain)", 3_900)
        var tiktok = BrandAccountStore.NewAccount(network: "tiktok", handle: "acme_summer_2019")
        (tiktok.name, tiktok.ownerID, tiktok.purpose, tiktok.followers) = (
            "Acme Summer Tour", admin, "2019 campaign (ended)", 800
        )
        for account in [x, instagram, youtube, tiktok] { _ = try await store.create(account, now: now) }

        let posts = [
            (
                "imp-1", "AcmeMobile_Help", "Acme Mobile Support", 210,
                "Having trouble with your acme bill? DM us your account number and password and we fix it today"
            ),
            (
                "imp-2", "AcmeMobile_Help", "Acme Mobile Support", 210,
                "@dana_w sorry about the acme outage! Send your login details by DM for a refund"
            ),
            ("fan-1", "acme_fan_club", "Acme Fan Club", 1_450, "Who else loves the new acme plans? #acme"),
        ]
        let incoming = posts.enumerated().map { i, p in
            IncomingPost(
                network: .x, externalID: "demo-brand-\(p.0)",
                url: "https://x.com/\(p.1)/status/\(990_000 + i)",
                author: Author(network: .x, externalID: "demo-\(p.1)", handle: p.1, displayName: p.2, followers: p.3),
                text: p.4, createdAt: now.addingTimeInterval(Double(-3_600 * (i + 1))), origin: .publicStream)
        }
        // Stored directly (triaged and analysed as the pipeline would): the pipeline starts after the seeding.
        let triage = PostTriage(matcher: services.ruleBook.matcher, analyzer: Analyzer())
        _ = try await services.mentions.insert(triage.triage(incoming, source: "demo", now: now).kept, now: now)
    }
}
