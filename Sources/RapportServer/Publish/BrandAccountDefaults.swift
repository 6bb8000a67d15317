import Foundation
import RapportOutbound
import RapportStore

/// The accounts configured by environment variables (`RAPPORT_X_TOKEN`, `RAPPORT_META_PAGE_TOKEN`,
/// `RAPPORT_MASTODON_*`, `RAPPORT_BLUESKY_*`) become each network's default inventory entry, so the inventory
/// lists every account Rapport can act as. Their credentials stay in the environment. The handle is what the
/// configuration tells (Bluesky's identifier, `default@instance` for Mastodon, `default` otherwise): an admin
/// renames it on the inventory screen.
enum BrandAccountDefaults {
    static func ensure(_ outbound: OutboundSettings, store: BrandAccountStore) async throws {
        if outbound.x != nil { try await store.ensureDefault(network: "x", handle: "default") }
        if outbound.meta != nil { try await store.ensureDefault(network: "facebook", handle: "default") }
        if let mastodon = outbound.mastodon {
            let host = URL(string: mastodon.baseURL)?.host ?? "instance"
            try await store.ensureDefault(network: "mastodon", handle: "default@" + host.lowercased())
        }
        if let bluesky = outbound.bluesky {
            try await store.ensureDefault(network: "bluesky", handle: bluesky.identifier.lowercased())
        }
    }
}
