import HTTPTypes
import RapportCore
import RapportStore

extension MentionFilterParser {
    /// Narrows a filter to what the caller may read: a machine token without `admin`, and a user confined to their
    /// teams (`boundary`), see public posts only; asking for the private channels explicitly is refused rather than
    /// silently emptied.
    static func restricted(_ filter: MentionFilter, _ context: AppRequestContext, boundary: TeamBoundary)
        async throws -> MentionFilter
    {
        if try await context.seesPrivateChannels(boundary) { return filter }
        if filter.origin == .owned {
            throw APIError(
                .forbidden, "insufficient_scope",
                context.user == nil
                    ? "private channels' mentions need a token with the 'admin' scope"
                    : "with team scope on, private channels' messages are read in your teams' conversations")
        }
        var filter = filter
        filter.origin = .publicStream
        return filter
    }
}
