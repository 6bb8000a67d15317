import Foundation
import RapportCore

/// Realistic public-stream posts: about a third mention one of the six
/// brands (by name, @handle or #hashtag) with a topic (outage, billing,
/// praise, churn…); the rest is everyday chatter. Mixed languages with
/// accents, emoji, URLs, hashtags and mentions, heavy-tailed followers.
struct PostGenerator {
    private var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    private static let brands: [(name: String, handle: String, tag: String, short: String)] = [
        ("Acme Mobile", "AcmeMobile", "acme", "Acme"), ("Globex Telecom", "Globex", "globex", "Globex"),
        ("Initech Broadband", "initech", "initech", "Initech"),
        ("Umbrella Energy", "UmbrellaEnergy", "umbrellaenergy", "Umbrella"),
        ("Hooli Bank", "hooli", "hoolibank", "Hooli"), ("Vandelay Air", "VandelayAir", "vandelayair", "Vandelay"),
    ]
    private static let topics = [
        "is down again, no signal since this morning", "charged me twice on my bill, I want a refund",
        "thanks for the quick help, great service", "worst customer support ever, absolutely useless",
        "how do I cancel my contract? switching to Globex", "power cut in the whole street, any ETA?",
        "card declined at the store, app down too", "flight delayed 4 hours and lost luggage",
        "love the new plan, amazing speeds", "is this a phishing scam? got a weird text",
        "dropped calls all day, not working", "price increase again?? compared to Initech it's worse",
        "anyone else having packet loss tonight", "the smart meter reading is wrong",
        "missed connection, stranded in Madrid", "just switched to them, best decision",
    ]
    private static let spanish = [
        "sin servicio desde ayer, qué vergüenza", "la factura llegó con un cargo extraño",
        "el teléfono no tiene señal en el centro", "quiero un reembolso ya", "atención al cliente excelente, gracias",
    ]
    private static let french = [
        "panne générale à Paris depuis ce matin", "facture beaucoup trop élevée ce mois-ci",
        "service client très réactif, merci", "je résilie mon abonnement",
    ]
    private static let chatter = [
        "just finished my coffee and heading to the office", "what a game last night, can't believe that ending",
        "anyone watching the new series? no spoilers please", "weekend plans: hiking, reading and sleeping",
        "this weather is unreal, sunny then pouring rain", "new recipe turned out great, sharing soon",
        "traffic on the highway is terrible again", "reading a fascinating thread about history",
        "my cat knocked over the plant for the third time", "finally fixed the bug that haunted me all week",
        "concert tickets sold out in two minutes", "learning Swift, loving the type system so far",
        "¿alguien sabe dónde comer bien en Sevilla?", "quel beau temps aujourd'hui à Lyon",
        "heute ist wirklich schönes Wetter in München", "bom dia! café e trabalho",
    ]
    private static let emoji = ["", "", "", " 🔥", " 😡", " 🙏", " 😂😂", " ❤️", " 👍"]
    private static let hashtags = ["", "", "", " #fail", " #help", " #mondays", " #travel", " #fintech", " #5G"]
    private static let languages: [String?] = ["en", "en", "en", "en", "es", "fr", "de", "pt", nil]
    private static let networks: [Network] = [.x, .x, .x, .bluesky, .mastodon, .reddit, .feed, .instagram]

    mutating func post(_ index: Int) -> IncomingPost {
        var text: String
        if random.below(100) < 35 {
            let brand = Self.brands[random.below(Self.brands.count)]
            let reference =
                switch random.below(5) {
                case 0: brand.name
                case 1: "@" + brand.handle
                case 2: "#" + brand.tag
                case 3: brand.short
                default: brand.short.lowercased()
                }
            let topic =
                switch random.below(10) {
                case 0: Self.spanish[random.below(Self.spanish.count)]
                case 1: Self.french[random.below(Self.french.count)]
                default: Self.topics[random.below(Self.topics.count)]
                }
            text = random.below(2) == 0 ? "\(reference) \(topic)" : "\(topic.capitalized) \(reference)"
        } else {
            text = Self.chatter[random.below(Self.chatter.count)]
            if random.below(3) == 0 { text += " " + Self.chatter[random.below(Self.chatter.count)] }
        }
        text += Self.emoji[random.below(Self.emoji.count)] + Self.hashtags[random.below(Self.hashtags.count)]
        if random.below(10) == 0 { text += " https://example.com/p/\(index)" }
        let network = Self.networks[random.below(Self.networks.count)]
        // Heavy tail: most accounts are small, a few are huge.
        let followers = Int(pow(10, Double(random.below(6000)) / 1000))
        // Platforms report hashtags and mentions alongside the text.
        let words = text.split(separator: " ")
        let hashtags = words.filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        let mentions = words.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
        return IncomingPost(
            network: network, externalID: String(index),
            author: Author(
                network: network, externalID: "u\(index % 50_000)", handle: "user\(index % 50_000)",
                followers: followers, verified: random.below(50) == 0),
            text: text, language: Self.languages[random.below(Self.languages.count)],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)), origin: .publicStream,
            hashtags: hashtags, mentionedHandles: mentions)
    }
}

/// Deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
