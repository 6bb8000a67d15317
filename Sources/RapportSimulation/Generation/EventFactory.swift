import Foundation

/// The immutable part of a run: lookup tables derived once from the configuration, and the recipe that turns
/// an arrival (a time and a kind) into a labelled post.
struct EventFactory: Sendable {
    /// Which process an arrival belongs to.
    enum Kind {
        case baseline
        case incident
        case influencer
    }

    let config: SimulationConfig
    let pool: AuthorPool
    let seasonality: Seasonality
    let library = TemplateLibrary.shared
    let composer = TextComposer()
    /// Distinguishes ids of runs with different seeds.
    let salt: UInt64

    let brands: [SimulatedBrand]
    let networks: [SimulatedNetwork]
    let networkTable: WeightedTable
    let brandTable: WeightedTable
    let ownBrand: SimulatedBrand
    let languages: [String]
    let languageTable: WeightedTable
    let intents: [Intent]
    let intentTable: WeightedTable
    let mentionIDs: [String: String]

    /// The incident's brand, the extra intensity it adds (as a multiple of the base rate) inside its window,
    /// and the networks those extra posts land on (in the brand's usual proportions).
    let incidentBrand: SimulatedBrand?
    let incidentExtra: Double
    let incidentNetworkTable: WeightedTable

    init(config: SimulationConfig) {
        self.config = config
        pool = AuthorPool(seed: config.seed, size: config.authorPoolSize)
        seasonality = Seasonality(strength: config.seasonality, utcOffsetHours: config.utcOffsetHours)
        salt = SplitMix64.mix(config.seed ^ 0x5EED_1D5)
        let brands = config.brands.isEmpty ? SimulatedBrand.defaults : config.brands
        let ownBrand = brands.first(where: \.isOwn) ?? brands[0]
        self.brands = brands
        self.ownBrand = ownBrand
        // In declaration order, so that tables, and therefore runs, do not depend on dictionary order.
        let networks = SimulatedNetwork.allCases.filter { (config.networkMix[$0] ?? 0) > 0 }
        self.networks = networks
        networkTable = WeightedTable(networks.map { config.networkMix[$0] ?? 0 })
        brandTable = WeightedTable(brands.map(\.weight))
        languages = config.languageMix.keys.sorted()
        languageTable = WeightedTable(languages.map { config.languageMix[$0] ?? 0 })
        intents = Intent.allCases.filter { (config.intentMix[$0] ?? 0) > 0 }
        intentTable = WeightedTable(intents.map { config.intentMix[$0] ?? 0 })
        var mentionIDs: [String: String] = [:]
        for brand in brands { mentionIDs[brand.handle.lowercased()] = brand.accountID }
        self.mentionIDs = mentionIDs

        if let incident = config.incident,
            let brand = brands.first(where: {
                [$0.name.lowercased(), $0.handle.lowercased(), $0.shortName.lowercased()]
                    .contains(
                        incident.brand.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@")))
            })
        {
            // The brand's share of baseline traffic per network: all of its own channels, and its weight's share
            // of the on-topic part of public networks.
            let totalMix = networks.reduce(0) { $0 + (config.networkMix[$1] ?? 0) }
            let brandWeightShare = brand.weight / max(brands.reduce(0) { $0 + $1.weight }, .ulpOfOne)
            let perNetwork = networks.map { network -> Double in
                let mix = (config.networkMix[network] ?? 0) / max(totalMix, .ulpOfOne)
                if network.isOwnedChannel { return brand == ownBrand ? mix : 0 }
                return mix * (1 - config.offTopicShare) * brandWeightShare
            }
            incidentBrand = brand
            incidentExtra = (incident.volumeMultiplier - 1) * perNetwork.reduce(0, +)
            incidentNetworkTable = WeightedTable(perNetwork)
        } else {
            incidentBrand = nil
            incidentExtra = 0
            incidentNetworkTable = WeightedTable([1])
        }
    }

    /// Rate of the incident's extra posts relative to the baseline rate at `offset` seconds into the run.
    func incidentIntensity(at offset: Double) -> Double {
        guard let incident = config.incident, incident.contains(offset: offset) else { return 0 }
        return incidentExtra
    }

    /// The time (seconds into the run) when the influencer posts, if there is one.
    var influencerOffset: Double? {
        guard incidentBrand != nil, let incident = config.incident, let delay = incident.influencerDelay
        else {
            return nil
        }
        return incident.start + delay
    }
}
