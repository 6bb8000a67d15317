/// Realistic listening rules for the simulator's brands (Acme Mobile, Globex
/// Telecom, Initech Broadband, Umbrella Energy, Hooli Bank, Vandelay Air), for
/// benchmarks and demos.
public enum SampleRules {
    /// `count` rules spread over the six brands, deterministic for a `seed`.
    ///
    /// Acme is the own brand; the others are competitors. The rules mix what
    /// brand teams really write: brand mentions, topic rules (outages, billing,
    /// churn to a competitor, security), praise, product names, hashtags,
    /// exclusions (`-job*`, `NOT giveaway`), languages, networks, influencer
    /// thresholds, verified accounts and a few field-only rules. Ids are 1…count.
    public static func generate(count: Int, seed: UInt64) -> [ListeningRule] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let brand = SampleBrand.all[index % SampleBrand.all.count]
            let template = index / SampleBrand.all.count
            let (name, query) = rule(template: template, brand: brand, generator: &generator)
            return ListeningRule(
                id: Int64(index + 1), name: "\(brand.displayName): \(name)", brand: brand.key,
                isCompetitor: brand.key != "acme", query: query)
        }
    }

    private static let spam = ["giveaway", "\"free money\"", "crypto", "job*", "hiring", "nsfw", "promo*"]
    private static let praise = ["love", "great", "amazing", "thanks", "\"thank you\"", "awesome", "best"]
    private static let anger = ["hate", "worst", "terrible", "awful", "scam", "useless"]
    private static let security = ["hack*", "breach", "leak*", "phishing", "\"data breach\"", "scam*"]
    private static let questions = ["\"how do i\"", "\"how to\"", "help", "anyone", "\"does anyone\""]
    private static let spanish = ["\"sin servicio\"", "señal", "factura", "queja", "teléfono", "reembolso"]
    private static let languages = ["en", "es", "fr", "de", "pt", "it"]
    private static let networks = ["x", "reddit", "bluesky", "mastodon", "feed", "instagram", "facebook"]

    private static func rule(
        template: Int, brand: SampleBrand, generator: inout SeededGenerator
    ) -> (String, String) {
        func some(_ words: [String], _ count: Int) -> String {
            "(" + Array(words.shuffled(using: &generator).prefix(count)).joined(separator: " OR ") + ")"
        }
        func pick(_ words: [String]) -> String { words.randomElement(using: &generator)! }
        let mention = brand.mention
        let competitor = pick(SampleBrand.all.filter { $0.key != brand.key }.map(\.key))
        switch template % 16 {
        case 0: return ("mentions", "\(mention) -\(pick(spam)) -\(pick(spam))")
        case 1: return ("problems", "\(mention) \(some(brand.problems, 4)) -job*")
        case 2: return ("billing", "\(mention) \(some(brand.billing, 3)) -\"gift card\"")
        case 3: return ("praise", "\(mention) \(some(praise, 4)) NOT \(some(anger, 3))")
        case 4: return ("churn", "\(mention) (\"switching to\" OR \"switched to\" OR cancel* OR leaving) \(competitor)")
        case 5: return ("language", "\(mention) lang:\(pick(languages))")
        case 6:
            return (
                "influencers", "\(mention) min_followers:\([10_000, 50_000, 100_000].randomElement(using: &generator)!)"
            )
        case 7: return ("network", "(\(brand.key) OR \"\(brand.displayName.lowercased())\") network:\(pick(networks))")
        case 8: return ("products", some(brand.products, 3))
        case 9: return ("security", "\(mention) \(some(security, 3)) -\"bug bounty\"")
        case 10:
            return ("questions", "(@\(brand.handle.lowercased()) OR \(brand.key)) \(some(questions, 3)) -\(pick(spam))")
        case 11: return ("verified", "\"\(brand.displayName.lowercased())\" verified:true")
        case 12: return ("spanish", "(\(brand.key) OR #\(brand.hashtag)) \(some(spanish, 3)) (lang:es OR lang:pt)")
        case 13:
            return ("hashtags", "#\(brand.hashtag) OR #\(brand.key)fail OR #\(brand.key)down OR (\(brand.key)* #fail)")
        case 14:
            return ("angry", "\(mention) \(some(anger, 3)) -\(pick(spam)) min_followers:\(pick(["100", "1k", "5k"]))")
        default: return ("comparisons", "\(brand.key) \(competitor) (better OR worse OR \"vs\" OR versus OR compared)")
        }
    }
}
