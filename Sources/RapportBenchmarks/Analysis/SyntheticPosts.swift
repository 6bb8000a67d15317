/// A deterministic generator of realistic social posts to brands, for the benchmark.
///
/// Seeded SplitMix64; mixes complaints, praise, questions, purchase intent, churn threats,
/// spam and job ads over several brands, in seven languages, with emoji, hashtags, mentions,
/// URLs, elongations and ALL CAPS, so every code path of the analyser is exercised.
struct SyntheticPosts {
    private var state: UInt64

    init(seed: UInt64 = 0x5EED_2024) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    static let brands = [
        "@Telco", "@SkyNet", "@FastBank", "@AirNova", "@ShopMax", "@StreamIt", "@VoltCar", "@CafeLuna",
    ]
    static let products = [
        "app", "router", "fibre", "card", "flight", "order", "subscription", "phone", "delivery", "account",
    ]
    static let english = [
        "my {p} has been down for 3 hours, still waiting for a fix",
        "{b} thank you so much, the support team sorted my {p} in minutes",
        "how do I change the PIN on my {p}? can't find it anywhere",
        "thinking of buying the new {p} from {b}, is it worth it?",
        "if my {p} isn't fixed by Friday I'm switching to another provider",
        "charged twice for my {p} and no refund yet. unacceptable",
        "honestly the best {p} I've ever had, not even close",
        "Great, another outage. Love paying for a {p} that never works",
        "not bad at all, the new {p} is actually pretty good",
        "{b} your {p} is sooo slow today, what's going on??",
        "I will NEVER fly with {b} again, worst experience ever",
        "WIN a free {p}! Follow {b} and retweet to enter #giveaway #win #free",
        "We're hiring! Junior analyst position at {b}, apply now https://jobs.example.com/123",
        "the {p} is fine I guess, kind of meh but it does the job",
        "can someone from {b} DM me about my {p}? been on hold for 40 minutes",
        "cancel my {p} please, done with {b} after this",
    ]
    static let other = [
        "{b} mi {p} no funciona desde ayer, qué vergüenza 😡",
        "gracias {b}, el servicio fue excelente 👏",
        "{b} mon {p} ne fonctionne toujours pas, c'est nul",
        "merci {b} pour la rapidité, service parfait",
        "{b} seit drei Tagen kein Internet, ich werde kündigen",
        "danke {b}, super schnelle Lieferung!",
        "{b} o meu {p} não funciona, péssimo atendimento",
        "obrigado {b}, adorei o novo {p} 😍",
        "{b} il mio {p} non funziona da una settimana, che schifo",
        "grazie {b}, servizio ottimo come sempre",
        "{b} mijn {p} werkt niet, al twee dagen geen verbinding",
        "bedankt {b}, geweldig geholpen vandaag!",
    ]
    static let emoji = ["😡", "🙄", "😍", "👍", "🔥", "😭", "🤬", "❤️", "😂", "🙏", "💯", "👎"]
    static let hashtags = ["#fail", "#customerservice", "#NeverAgain", "#love", "#outage", "#help", "#thankyou", "#5G"]

    mutating func post() -> String {
        var text = chance(70) ? pick(Self.english) : pick(Self.other)
        text = text.replacingOccurrences(of: "{b}", with: pick(Self.brands))
        text = text.replacingOccurrences(of: "{p}", with: pick(Self.products))
        if !text.contains("@") { text = pick(Self.brands) + " " + text }
        if chance(35) { text += " " + pick(Self.emoji) }
        if chance(25) { text += " " + pick(Self.hashtags) }
        if chance(10) { text += " https://t.co/" + String(next() % 1_000_000, radix: 36) }
        if chance(10) { text += "!!!" }
        if chance(5) { text = text.uppercased() }
        // A numeric tail keeps texts distinct, as real posts are.
        if chance(30) { text += " #\(next() % 10_000)" }
        return text
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first && self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
