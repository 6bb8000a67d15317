import RapportCommunity
import Testing

@Suite struct IdeaStatusTests {
    @Test func closedStatusesRefuseVotes() {
        #expect(IdeaStatus.open.acceptsVotes && IdeaStatus.planned.acceptsVotes && IdeaStatus.started.acceptsVotes)
        #expect(!IdeaStatus.duplicate.acceptsVotes && !IdeaStatus.declined.acceptsVotes)
        #expect(!IdeaStatus.shipped.acceptsVotes)
    }

    @Test func parsesOnlyTheSixStatuses() {
        #expect(IdeaStatus(rawValue: "planned") == .planned)
        #expect(IdeaStatus(rawValue: "completed") == nil)
        #expect(IdeaStatus.allCases.count == 6)
    }
}
