/// A brand the simulated public talks about, with the ways people refer to it.
public struct SimulatedBrand: Sendable, Hashable {
    /// Display name, e.g. "Acme Mobile".
    public var name: String
    /// Handle without the "@", e.g. "AcmeMobile".
    public var handle: String
    /// Hashtag without the "#", e.g. "acme".
    public var hashtag: String
    /// The short word people use, e.g. "Acme"; also the word that collides with off-topic uses.
    public var shortName: String
    /// True for the brand whose own channels (Page, Instagram, Messenger, email, web chat) Rapport listens to.
    public var isOwn: Bool
    /// Relative share of the brand-related public conversation.
    public var weight: Double
    /// Tag of the upstream X filtered-stream rule that matches this brand, e.g. "acme-brand".
    public var ruleTag: String
    /// Id of that upstream rule (X rule ids are numeric strings).
    public var ruleID: String
    /// The brand's own account id on X, used in `entities.mentions`.
    public var accountID: String

    /// Creates a brand; rule tag, rule id and account id default to values derived from the short name.
    public init(
        name: String, handle: String, hashtag: String, shortName: String, isOwn: Bool = false,
        weight: Double = 1,
        ruleTag: String? = nil, ruleID: String? = nil, accountID: String? = nil
    ) {
        self.name = name
        self.handle = handle
        self.hashtag = hashtag
        self.shortName = shortName
        self.isOwn = isOwn
        self.weight = weight
        let key = SplitMix64.mix(UInt64(truncatingIfNeeded: handle.lowercased().hashValueStable))
        self.ruleTag = ruleTag ?? "\(shortName.lowercased())-brand"
        self.ruleID = ruleID ?? String(1_700_000_000_000_000_000 + key % 1_000_000_000_000_000)
        self.accountID = accountID ?? String(10_000_000 + key % 90_000_000)
    }

    /// The six default brands: Acme Mobile (own) and five competitors.
    public static let defaults: [SimulatedBrand] = [
        SimulatedBrand(
            name: "Acme Mobile", handle: "AcmeMobile", hashtag: "acme", shortName: "Acme", isOwn: true,
            weight: 3,
            ruleID: "1700000000000000001", accountID: "11112222"),
        SimulatedBrand(
            name: "Globex Telecom", handle: "Globex", hashtag: "globex", shortName: "Globex", weight: 1.6),
        SimulatedBrand(
            name: "Initech Broadband", handle: "initech", hashtag: "initech", shortName: "Initech",
            weight: 1.2),
        SimulatedBrand(
            name: "Umbrella Energy", handle: "UmbrellaEnergy", hashtag: "umbrellaenergy",
            shortName: "Umbrella",
            weight: 1),
        SimulatedBrand(
            name: "Hooli Bank", handle: "hooli", hashtag: "hooli", shortName: "Hooli", weight: 1.3),
        SimulatedBrand(
            name: "Vandelay Air", handle: "VandelayAir", hashtag: "vandelayair", shortName: "Vandelay",
            weight: 0.9),
    ]
}

extension String {
    /// FNV-1a over the UTF-8 bytes: unlike `hashValue`, stable across processes, so derived ids never change.
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
