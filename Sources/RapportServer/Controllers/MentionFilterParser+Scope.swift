import HTTPTypes
import RapportCore
import RapportStore

extension MentionFilterParser {
    /// Narrows a filter to what the caller may read: a machine token without `admin` sees public posts only, and
    /// asking for the private channels explicitly is refused rather than silently emptied.
    static func restricted(_ filter: MentionFilter, _ context: AppRequestContext) throws -> MentionFilter {
        guard !context.seesPrivateChannels else { return filter }
        if filter.origin == .owned {
            throw APIError(
                .forbidden, "insufficient_scope", "private channels' mentions need a token with the 'admin' scope")
        }
        var filter = filter
        filter.origin = .publicStream
        return filter
    }
}
