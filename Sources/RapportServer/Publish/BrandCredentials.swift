import Crypto
import Foundation
import RapportPublish

/// What Rapport needs to post as a brand account. Never returned by the API and never logged: the inventory stores
/// it sealed (``CredentialSealer``) and answers only `hasCredentials`.
struct BrandCredentials: Codable, Sendable, Equatable {
    /// The Mastodon instance, the Bluesky PDS, or the X / Graph API base (for tests and proxies).
    var baseURL: String?
    /// The X, Meta page or Mastodon access token.
    var token: String?
    /// Bluesky's handle or DID, with `appPassword`.
    var identifier: String?
    var appPassword: String?
    /// The Facebook page or Instagram user id.
    var pageId: String?

    /// What each network needs; nil when complete, else the problem (field and message).
    func problem(for network: String) -> (field: String, message: String)? {
        let fields: [(String, String?)] = [
            ("baseURL", baseURL), ("token", token), ("identifier", identifier), ("appPassword", appPassword),
            ("pageId", pageId),
        ]
        for (name, value) in fields {
            guard let value else { continue }
            if value.isEmpty || value.utf8.count > 4_096 || value.contains(where: { $0.isNewline }) {
                return ("credentials.\(name)", "\(name) must be 1–4,096 characters on one line")
            }
        }
        if let baseURL {
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else { return ("credentials.baseURL", "baseURL must be an http(s) URL") }
        }
        func need(_ present: Bool, _ field: String, _ what: String) -> (String, String)? {
            present ? nil : ("credentials.\(field)", "\(network) needs \(what)")
        }
        switch PublishNetwork(rawValue: network) {
        case .x: return need(token != nil, "token", "a user access token (token)")
        case .facebook, .instagram:
            return need(token != nil, "token", "a page access token (token)")
                ?? need(pageId != nil, "pageId", "the page or Instagram user id (pageId)")
        case .mastodon:
            return need(baseURL != nil, "baseURL", "the instance URL (baseURL)")
                ?? need(token != nil, "token", "an access token (token)")
        case .bluesky:
            return need(identifier != nil, "identifier", "the account's handle or DID (identifier)")
                ?? need(appPassword != nil, "appPassword", "an app password (appPassword)")
        case nil: return ("credentials", "Rapport does not publish to \(network): keep it in the inventory only")
        }
    }
}

/// Seals credentials with AES-GCM under a key derived from `RAPPORT_SECRET_KEY` (HKDF-SHA256), so a copy of the
/// database alone does not hold usable tokens. The sealed form is `v1:` + base64(nonce ‖ ciphertext ‖ tag).
struct CredentialSealer: Sendable {
    /// The derived key's bytes (`SymmetricKey` itself is not `Sendable`).
    let keyBytes: [UInt8]
    var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    init(secret: String) {
        keyBytes = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(secret.utf8)), salt: Data("rapport".utf8),
            info: Data("brand-account-credentials".utf8), outputByteCount: 32
        ).withUnsafeBytes { Array($0) }
    }

    func seal(_ credentials: BrandCredentials) throws -> String {
        let plain = try JSONEncoder().encode(credentials)
        guard let combined = try AES.GCM.seal(plain, using: key).combined else {
            throw CocoaError(.coderInvalidValue)
        }
        return "v1:" + combined.base64EncodedString()
    }

    /// Nil when the value was not sealed with this key (a changed `RAPPORT_SECRET_KEY`) or is damaged.
    func open(_ sealed: String) -> BrandCredentials? {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
            let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return try? JSONDecoder().decode(BrandCredentials.self, from: plain)
    }
}
