import Foundation
import RapportCommunity
import Testing

@Suite struct MemberStandingTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func pointsAddUpEveryContribution() {
        let facts = MemberStanding.Facts(
            ideas: 3, votesReceived: 7, ideasAdopted: 1, ideasShipped: 1, comments: 4, votesGiven: 12,
            acceptedAnswers: 2, lastActive: now, joined: now)
        let standing = MemberStanding(facts, now: now)
        #expect(standing.points == 3 * 2 + 7 + 10 + 15 + 4 + 2 * 15)
        #expect(standing.rank == .regular)
        #expect(standing.badges.map(\.name) == ["Idea maker", "Voter", "Roadmap", "Shipped", "Helper"])
    }

    @Test func newMemberIsNewcomerWithoutBadges() {
        let standing = MemberStanding(.init(lastActive: now, joined: now), now: now)
        #expect(standing.points == 0 && standing.rank == .newcomer && standing.badges.isEmpty)
    }

    @Test func topRanksAreKeptOnlyWhileActive() {
        var facts = MemberStanding.Facts(acceptedAnswers: 30, lastActive: now, joined: now)
        #expect(MemberStanding(facts, now: now).rank == .superfan)
        facts.lastActive = now.addingTimeInterval(-Double(MemberStanding.activeDays + 1) * 86_400)
        let quiet = MemberStanding(facts, now: now)
        #expect(quiet.rank == .regular)
        #expect(quiet.points == 450, "points stay; only the rank drops")
    }

    @Test func rankThresholdsAreInclusive() {
        for rank in MemberStanding.Rank.allCases {
            let votes = rank.minimumPoints
            let standing = MemberStanding(.init(votesReceived: votes, lastActive: now, joined: now), now: now)
            #expect(standing.rank == rank)
        }
    }

    @Test func initials() {
        #expect(MemberStanding.initials("Dana Whitfield") == "DW")
        #expect(MemberStanding.initials("zoë") == "Z")
        #expect(MemberStanding.initials("  <script>  ") == "S")
        #expect(MemberStanding.initials("123 !!!") == "?")
        #expect(MemberStanding.initials("Ana María López") == "AM")
    }
}
