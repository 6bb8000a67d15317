import Foundation
import RapportAnalysis
import RapportCore
import RapportIngest
import RapportInsight
import RapportStore

/// Builds a `Dashboard` from the stores. Listening charts read only the hourly rollups; the sample of recent
/// mentions (for topics, rising terms and authors) is bounded, so the page costs the same whatever the volume.
struct DashboardBuilder: Sendable {
    let rollups: RollupStore
    let mentions: MentionStore
    let rules: RuleStore
    let service: ServiceFigureStore
    let alerts: AlertStore
    let experienceStore: ExperienceStore
    /// Known incidents and the conversations they are linked to.
    let announcements: AnnouncementStore
    /// Recent mentions read for topics, terms and authors.
    var sampleSize = 500

    init(database: Database, alerts: AlertStore) {
        rollups = RollupStore(database: database)
        mentions = MentionStore(database: database)
        rules = RuleStore(database: database)
        service = ServiceFigureStore(database: database)
        self.alerts = alerts
        experienceStore = ExperienceStore(database: database)
        announcements = AnnouncementStore(database: database)
    }

    func build(_ query: DashboardQuery, now: Date = Date()) async throws -> Dashboard {
        let allRules = try await rules.all()
        let ruleMap = Dictionary(allRules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let selected: [Int64]? =
            if let id = query.ruleID { [id] } else if let brand = query.brand {
                allRules.filter { $0.brand == brand }.map(\.id)
            } else { nil }
        let range = query.range
        let network = query.network?.rawValue
        let selection = RollupStore.Query(start: range.start, end: range.end, ruleIDs: selected, network: network)
        // Sums done by the database: a month of rollups is millions of rows, the charts need thousands.
        let precision = query.granularity
        async let networkCounts = rollups.totals(selection, by: [.network], hourly: true, precision: precision)
        async let sentimentCounts = rollups.totals(selection, by: [.sentiment], hourly: true, precision: precision)
        async let levelCounts = rollups.totals(selection, by: [.level], hourly: false, precision: precision)
        async let languageCounts = rollups.totals(selection, by: [.language], hourly: false, precision: precision)
        // Share of voice compares every brand, whatever rule is selected.
        async let everyBrand = rollups.totals(
            .init(start: range.start, end: range.end, network: network), by: [.brand], hourly: false,
            precision: precision)
        async let sample = recentMentions(query, selected: selected)
        async let figures = service.figures(
            start: range.start, end: range.end, network: network, teamID: query.teamID, now: now)
        async let recentAlerts = alerts.list(limit: 20)
        async let experienceFigures = experience(query, bucketStarts: range.bucketStarts(precision))
        let granularity = query.granularity
        let byNetwork = try await networkCounts.timeSeries(
            by: .network, over: range, granularity: granularity, maximumSeries: 8)
        let bySentiment = try await sentimentCounts.timeSeries(by: .sentiment, over: range, granularity: granularity)
        let counts = try await levelCounts
        let levels = counts.totals(by: .level)
        let relevant = (levels["relevant"] ?? 0) + (levels["attention"] ?? 0) + (levels["urgent"] ?? 0)
        let attention = (levels["attention"] ?? 0) + (levels["urgent"] ?? 0)
        let recent = try await sample
        let experience = try await experienceFigures
        return Dashboard(
            period: .init(name: query.rangeName, start: range.start, end: range.end, granularity: granularity.rawValue),
            selection: .init(rule: query.ruleID, brand: query.brand, network: network),
            total: counts.total, bucketStarts: byNetwork.bucketStarts,
            volumeByNetwork: byNetwork.lines.map { .init(name: $0.name, values: $0.values) },
            sentiment: bySentiment.lines.map { .init(name: $0.name.isEmpty ? "unknown" : $0.name, values: $0.values) },
            shareOfVoice: Self.voices(try await everyBrand, rules: allRules),
            funnel: [
                .init(name: "all", count: counts.total), .init(name: "relevant", count: relevant),
                .init(name: "attention", count: attention), .init(name: "urgent", count: levels["urgent"] ?? 0),
            ],
            languages: Self.ranked(
                try await languageCounts.totals(by: .language).map { ($0.key.isEmpty ? "unknown" : $0.key, $0.value) }),
            sampledMentions: recent.count, topTopics: Self.topics(recent),
            trendingTerms: Self.trending(recent, range: range),
            advocates: Self.authors(recent, advocates: true), detractors: Self.authors(recent, advocates: false),
            service: Self.summary(try await figures), experience: experience,
            alerts: try await recentAlerts.map { AlertPayload($0, rules: ruleMap) })
    }

    private func recentMentions(_ query: DashboardQuery, selected: [Int64]?) async throws -> [MentionSample] {
        if let selected, selected.isEmpty { return [] }
        var filter = MentionFilter(network: query.network, since: query.range.start, until: query.range.end)
        if let selected, selected.count == 1 { filter.ruleID = selected[0] }
        let items = try await mentions.sample(filter, limit: sampleSize)
        guard let selected, selected.count > 1 else { return items }
        let wanted = Set(selected)
        return items.filter { !wanted.isDisjoint(with: $0.ruleIDs) }
    }

    static func ranked(_ pairs: [(String, Int)], limit: Int = 12) -> [Dashboard.Count] {
        pairs.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(limit).map { .init(name: $0.0, count: $0.1) }
    }

    static func voices(_ counts: RollupCounter, rules: [ListeningRule]) -> [Dashboard.Voice] {
        let totals = counts.totals(by: .brand).filter { !$0.key.isEmpty }
        let all = totals.values.reduce(0, +)
        return totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { brand, count in
            let own = rules.filter { $0.brand == brand }
            return Dashboard.Voice(
                brand: brand, competitor: own.contains { $0.isCompetitor } && !own.contains { !$0.isCompetitor },
                count: count, share: all > 0 ? Double(count) / Double(all) : 0, ruleID: own.count == 1 ? own[0].id : nil
            )
        }
    }

    static func topics(_ recent: [MentionSample]) -> [Dashboard.Count] {
        var counts: [String: Int] = [:]
        for m in recent {
            for topic in Set(m.topics) { counts[topic, default: 0] += 1 }
        }
        return ranked(counts.map { ($0.key, $0.value) }, limit: 10)
    }

    /// Terms rising in the last sixth of the sampled span against the rest of it.
    static func trending(_ recent: [MentionSample], range: TimeRange) -> [Dashboard.Term] {
        guard let newest = recent.map(\.createdAt).max(), let oldest = recent.map(\.createdAt).min() else {
            return []
        }
        let span = max(600, newest.timeIntervalSince(oldest))
        var terms = TrendingTerms(bucketSeconds: max(60, Int(span / 60)))
        for m in recent { terms.add(text: m.text, at: m.createdAt) }
        return terms.trending(at: newest, window: span / 6, baseline: span * 5 / 6, minimumCount: 3, minimumRatio: 2)
            .prefix(10).map { .init(term: $0.term, count: $0.windowCount, ratio: ($0.ratio * 100).rounded() / 100) }
    }

    /// Authors of the sample with more positive than negative mentions (advocates) or the reverse, by
    /// influence then followers.
    static func authors(_ recent: [MentionSample], advocates: Bool) -> [Dashboard.Author] {
        var byAuthor: [String: Dashboard.Author] = [:]
        for m in recent {
            let key = "\(m.network):\(m.handle)"
            var a =
                byAuthor[key]
                ?? .init(
                    network: m.network, handle: m.handle, followers: 0, influence: 0, positive: 0, negative: 0,
                    mentions: 0)
            a.followers = max(a.followers, m.followers ?? 0)
            a.influence = max(a.influence, m.influence ?? 0)
            a.mentions += 1
            switch m.sentiment {
            case "positive": a.positive += 1
            case "negative": a.negative += 1
            default: break
            }
            byAuthor[key] = a
        }
        return byAuthor.values.filter { advocates ? $0.positive > $0.negative : $0.negative > $0.positive }
            .sorted { ($0.influence, $0.followers, $1.handle) > ($1.influence, $1.followers, $0.handle) }
            .prefix(8).map { $0 }
    }

    static func summary(_ f: ServiceFigures) -> Dashboard.Service {
        let t = f.overall
        return Dashboard.Service(
            conversations: t.conversations, responded: t.responded, responseRate: rate(t.responded, t.conversations),
            firstResponseMedianSeconds: t.firstResponse.median, firstResponseP90Seconds: t.firstResponse.p90,
            resolutionMedianSeconds: t.resolution.median, resolutionP90Seconds: t.resolution.p90, withSLA: t.withSLA,
            slaBreached: t.slaBreached, slaCompliance: rate(t.withSLA - t.slaBreached, t.withSLA),
            backlogByAge: ServiceFigures.ageBands.map { .init(name: $0.name, count: f.backlogByAge[$0.name] ?? 0) },
            resolved: t.resolved, byTeam: f.byTeam.prefix(20).map(group), byAgent: f.byAgent.prefix(20).map(group))
    }

    static func group(_ g: ServiceFigures.Group) -> Dashboard.ServiceGroup {
        let t = g.totals
        return Dashboard.ServiceGroup(
            name: g.name, id: g.id, conversations: t.conversations, responded: t.responded, resolved: t.resolved,
            responseRate: rate(t.responded, t.conversations), firstResponseMedianSeconds: t.firstResponse.median,
            firstResponseP90Seconds: t.firstResponse.p90, resolutionMedianSeconds: t.resolution.median,
            slaCompliance: rate(t.withSLA - t.slaBreached, t.withSLA))
    }

    private static func rate(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
}
