import Foundation
import RapportCommunity
import Testing

@Suite struct IdeaRankingTests {
    static func entry(
        _ id: Int64, _ status: IdeaStatus = .open, votes: Int = 0, revenue: Double = 0, customers: Int = 0,
        day: Double = 0
    ) -> IdeaRanking.Entry {
        .init(
            id: id, status: status, votes: votes, revenue: revenue, customers: customers,
            created: Date(timeIntervalSince1970: day * 86_400))
    }

    let ideas = [
        entry(1, votes: 5, revenue: 10, customers: 1, day: 1),
        entry(2, .planned, votes: 2, revenue: 900, customers: 2, day: 2),
        entry(3, .shipped, votes: 5, revenue: 50, customers: 3, day: 3),
        entry(4, .started, votes: 0, revenue: 0, day: 4),
    ]

    @Test func byVotesThenNewest() {
        #expect(IdeaRanking.sorted(ideas, by: .votes).map(\.id) == [3, 1, 2, 4])
    }

    @Test func byRevenuePutsThePayingCustomersFirst() {
        #expect(IdeaRanking.sorted(ideas, by: .revenue).map(\.id) == [2, 3, 1, 4])
    }

    @Test func byCustomers() {
        #expect(IdeaRanking.sorted(ideas, by: .customers).map(\.id) == [3, 2, 1, 4])
    }

    @Test func byNewest() {
        #expect(IdeaRanking.sorted(ideas, by: .newest).map(\.id) == [4, 3, 2, 1])
    }

    @Test func byStatusShowsWorkInProgressFirst() {
        #expect(IdeaRanking.sorted(ideas, by: .status).map(\.id) == [4, 2, 1, 3])
    }

    @Test func tiesAreBrokenByIdSoPagesAreStable() {
        let same = [Self.entry(7), Self.entry(9), Self.entry(8)]
        #expect(IdeaRanking.sorted(same, by: .votes).map(\.id) == [9, 8, 7])
    }
}
