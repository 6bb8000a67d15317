import Foundation

extension EventFactory {
    /// What a post is about and says, before it is dressed as a platform payload.
    struct Content {
        var network: SimulatedNetwork
        var brand: SimulatedBrand?
        /// The brand whose listening rule a keyword search would match (differs from `brand` for other senses).
        var ruleBrands: [SimulatedBrand]
        var intent: Intent
        var sentiment: ExpectedSentiment
        var language: String
        var text: String
        var topic: String?
    }

    /// Draws the content of one arrival.
    func content(_ kind: Kind, _ rng: inout SimulationRandom) -> Content {
        switch kind {
        case .baseline: baselineContent(&rng)
        case .incident: incidentContent(network: networks[incidentNetworkTable.pick(&rng)], &rng)
        case .influencer: incidentContent(network: .x, negative: true, &rng)
        }
    }

    private func baselineContent(_ rng: inout SimulationRandom) -> Content {
        let network = networks.isEmpty ? .x : networks[networkTable.pick(&rng)]
        var language = languages.isEmpty ? "en" : languages[languageTable.pick(&rng)]
        if !network.isOwnedChannel && rng.chance(config.offTopicShare) {
            let list = library.chatter[language] ?? library.chatter["en"]!
            if library.chatter[language] == nil { language = "en" }
            let text = composer.fill(rng.pick(list), .init(network: network), &rng)
            return Content(
                network: network, brand: nil, ruleBrands: [], intent: .offTopic, sentiment: .neutral,
                language: language, text: text)
        }
        let brand = network.isOwnedChannel ? ownBrand : brands[brandTable.pick(&rng)]
        var intent = intents.isEmpty ? .complaint : intents[intentTable.pick(&rng)]
        // Nobody uses a brand's own inbox to talk about a cartoon: off-topic there is spam.
        if intent == .offTopic && network.isOwnedChannel { intent = .noise }
        if intent == .offTopic {
            let senses = library.otherSenses[brand.shortName.lowercased()] ?? library.chatter["en"]!
            let text = composer.fill(rng.pick(senses), .init(network: network), &rng)
            return Content(
                network: network, brand: nil, ruleBrands: [brand], intent: .offTopic, sentiment: .neutral,
                language: "en", text: text)
        }
        let templates: [TextTemplate]
        if let list = library.templates(intent, language: language) {
            templates = list
        } else {
            language = "en"
            templates = library.templates(intent, language: "en") ?? library.incidentNeutral
        }
        let template = rng.pick(templates)
        let context = TextComposer.Context(
            brand: brand, competitor: competitor(of: brand, &rng), network: network)
        let text = composer.decorate(composer.fill(template, context, &rng), intent: intent, &rng)
        return Content(
            network: network, brand: brand, ruleBrands: ruleBrands(template, context), intent: intent,
            sentiment: intent.expectedSentiment, language: language, text: tidy(text))
    }

    private func incidentContent(
        network: SimulatedNetwork, negative: Bool? = nil, _ rng: inout SimulationRandom
    )
        -> Content
    {
        let brand = incidentBrand ?? ownBrand
        let incident = config.incident ?? Incident()
        let isNegative = negative ?? rng.chance(incident.negativeShare)
        let template = rng.pick(isNegative ? library.incidentNegative : library.incidentNeutral)
        let intent: Intent =
            isNegative ? (template.pieces.contains(slot: .c) ? .churnThreat : .complaint) : .question
        let topic = rng.pick(incident.topicWords)
        let context = TextComposer.Context(
            brand: brand, competitor: competitor(of: brand, &rng), network: network, topic: topic)
        let text = composer.decorate(composer.fill(template, context, &rng), intent: intent, &rng)
        return Content(
            network: network, brand: brand, ruleBrands: ruleBrands(template, context), intent: intent,
            sentiment: isNegative ? .negative : .neutral, language: "en", text: tidy(text), topic: topic)
    }

    private func competitor(of brand: SimulatedBrand, _ rng: inout SimulationRandom)
        -> SimulatedBrand?
    {
        guard brands.count > 1 else { return nil }
        var other = brands[rng.below(brands.count)]
        if other == brand { other = brands[(brands.firstIndex(of: other)! + 1) % brands.count] }
        return other
    }

    /// The brands a keyword rule would match: the brand when the text names it, and a named competitor.
    private func ruleBrands(_ template: TextTemplate, _ context: TextComposer.Context)
        -> [SimulatedBrand]
    {
        var brands: [SimulatedBrand] = []
        if let brand = context.brand, template.mentionsBrand { brands.append(brand) }
        if let competitor = context.competitor, template.pieces.contains(slot: .c) {
            brands.append(competitor)
        }
        return brands
    }

    /// Templates may start with a slot that rendered empty; never emit leading or doubled spaces.
    private func tidy(_ text: String) -> String {
        var needsWork = false
        var previousIsSpace = true
        for byte in text.utf8 {
            let isSpace = byte == 0x20
            if isSpace && previousIsSpace {
                needsWork = true
                break
            }
            previousIsSpace = isSpace
        }
        guard needsWork else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

extension [TextTemplate.Piece] {
    func contains(slot wanted: TextTemplate.Slot) -> Bool {
        contains {
            if case .slot(let slot) = $0 { return slot == wanted }
            return false
        }
    }
}
