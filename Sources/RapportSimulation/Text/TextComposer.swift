/// Fills templates for one post and adds the surface noise of real posts: emoji, elongation, shouting, tags.
struct TextComposer: Sendable {
    /// What the slots of one post refer to.
    struct Context {
        var brand: SimulatedBrand?
        var competitor: SimulatedBrand?
        var network: SimulatedNetwork
        var topic: String?
    }

    /// Fills `template` for `context`.
    func fill(_ template: TextTemplate, _ context: Context, _ rng: inout SimulationRandom) -> String {
        var out = ""
        out.reserveCapacity(160)
        for piece in template.pieces {
            switch piece {
            case .text(let text): out += text
            case .slot(let slot): out += value(slot, context, &rng)
            }
        }
        return out
    }

    private func value(_ slot: TextTemplate.Slot, _ c: Context, _ rng: inout SimulationRandom)
        -> String
    {
        switch slot {
        case .b: return c.brand.map { reference($0, on: c.network, &rng) } ?? "they"
        case .name: return c.brand?.name ?? "the company"
        case .short: return c.brand?.shortName ?? "the company"
        case .h: return c.brand.map { "@" + $0.handle } ?? ""
        case .tag: return c.brand.map { "#" + $0.hashtag } ?? ""
        case .c: return c.competitor.map { reference($0, on: c.network, &rng) } ?? "another provider"
        case .city: return rng.pick(EnglishTemplates.cities)
        case .n: return String(2 + rng.below(8))
        case .days: return String(2 + rng.below(12))
        case .amount: return ["£", "€", "$"][rng.below(3)] + String(9 + rng.below(190)) + ".99"
        case .product: return rng.pick(EnglishTemplates.products)
        case .order: return String(10_000 + rng.below(90_000))
        case .topic: return c.topic ?? "outage"
        case .time: return rng.pick(EnglishTemplates.times)
        }
    }

    /// How people cite a brand differs by network: @handles on X and Bluesky, hashtags on Mastodon, names on
    /// Reddit, feeds and the brand's own channels.
    private func reference(
        _ brand: SimulatedBrand, on network: SimulatedNetwork, _ rng: inout SimulationRandom
    )
        -> String
    {
        let u = rng.unit()
        switch network {
        case .x, .bluesky:
            return u < 0.7 ? "@" + brand.handle : (u < 0.9 ? brand.name : brand.shortName)
        case .mastodon:
            return u < 0.4 ? "#" + brand.handle : (u < 0.7 ? "@" + brand.handle : brand.name)
        case .instagramComment, .facebookComment:
            return u < 0.3 ? "@" + brand.handle : (u < 0.7 ? brand.name : brand.shortName)
        case .reddit, .rss, .email, .webchat, .messenger:
            return u < 0.6 ? brand.name : brand.shortName
        }
    }

    /// Adds the intent's typical emoji, elongation and caps; rare enough that most texts stay clean.
    func decorate(_ text: String, intent: Intent, _ rng: inout SimulationRandom) -> String {
        var text = text
        switch intent {
        case .complaint, .churnThreat:
            if rng.chance(0.06) { text = text.uppercased() }
            if rng.chance(0.12) { text += rng.pick(["!!!", "!!", "?!", " smh"]) }
            if rng.chance(0.25) { text += " " + rng.pick(["😡", "🤬", "😤", "🙄", "😩", "👎", "💔"]) }
            if rng.chance(0.05) { text += " #fail" }
        case .praise:
            if rng.chance(0.15) { text += rng.pick(["!!", " sooo good", " thanksss", "!!!"]) }
            if rng.chance(0.4) { text += " " + rng.pick(["💙", "🙌", "😍", "👏", "✨", "❤️", "🥳"]) }
        case .question:
            if rng.chance(0.1) { text += "??" }
            if rng.chance(0.15) { text += " " + rng.pick(["🙏", "🤔", "🙂"]) }
        case .purchaseIntent:
            if rng.chance(0.3) { text += " " + rng.pick(["😍", "🤩", "🛒", "👀"]) }
        case .noise, .offTopic:
            break
        }
        return text
    }
}
