import Foundation

extension DashboardPage {
    /// A share-of-voice row.
    struct Voice: Sendable {
        var brand: String
        var competitor: Bool
        var count: Int
        var share: String

        init(_ v: Dashboard.Voice) {
            brand = v.brand
            competitor = v.competitor
            count = v.count
            share = DashboardPage.percent(v.share)
        }
    }

    /// A rising term, linked to its mentions.
    struct Term: Sendable {
        var term: String
        var count: Int
        var ratio: String
        var link: String

        init(_ t: Dashboard.Term, link: String) {
            term = t.term
            count = t.count
            ratio = String(format: "%.1f×", t.ratio)
            self.link = link
        }
    }

    /// An advocate or detractor, linked to their mentions.
    struct Author: Sendable {
        var handle: String
        var network: String
        var followers: Int
        var influence: Int
        var positive: Int
        var negative: Int
        var link: String

        init(_ a: Dashboard.Author) {
            handle = a.handle
            network = a.network
            followers = a.followers
            influence = a.influence
            positive = a.positive
            negative = a.negative
            link = DashboardQuery.link("/mentions", [("author", a.handle), ("network", a.network)])
        }
    }

    /// The service figures, with "–" where a figure cannot be stated.
    struct Service: Sendable {
        var conversations: Int
        var responseRate: String
        var frtMedian: String
        var frtP90: String
        var resMedian: String
        var resP90: String
        var sla: String
        var withSLA: Int
        var breached: Int
        var backlog: [Count]
        var teamRows: [ServiceRow]
        var agentRows: [ServiceRow]

        init(_ s: Dashboard.Service) {
            conversations = s.conversations
            responseRate = s.responseRate.map(DashboardPage.percent) ?? "–"
            frtMedian = DashboardPage.duration(s.firstResponseMedianSeconds)
            frtP90 = DashboardPage.duration(s.firstResponseP90Seconds)
            resMedian = DashboardPage.duration(s.resolutionMedianSeconds)
            resP90 = DashboardPage.duration(s.resolutionP90Seconds)
            sla = s.slaCompliance.map(DashboardPage.percent) ?? "–"
            withSLA = s.withSLA
            breached = s.slaBreached
            backlog = s.backlogByAge.map { Count(name: $0.name, count: $0.count) }
            teamRows = s.byTeam.map { g in
                ServiceRow(g, link: g.id.map { DashboardQuery.link("/inbox", [("queue", "team-\($0)")]) })
            }
            agentRows = s.byAgent.map { ServiceRow($0, link: nil) }
        }
    }

    /// One team's or agent's service figures; a team row links to its inbox queue.
    struct ServiceRow: Sendable {
        var name: String
        var conversations: Int
        var responseRate: String
        var frtMedian: String
        var frtP90: String
        var resMedian: String
        var resolved: Int
        var sla: String
        var link: String?

        init(_ g: Dashboard.ServiceGroup, link: String?) {
            name = g.name
            conversations = g.conversations
            responseRate = g.responseRate.map(DashboardPage.percent) ?? "–"
            frtMedian = DashboardPage.duration(g.firstResponseMedianSeconds)
            frtP90 = DashboardPage.duration(g.firstResponseP90Seconds)
            resMedian = DashboardPage.duration(g.resolutionMedianSeconds)
            resolved = g.resolved
            sla = g.slaCompliance.map(DashboardPage.percent) ?? "–"
            self.link = link
        }
    }
}
