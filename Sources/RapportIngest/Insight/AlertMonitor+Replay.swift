import Foundation
import RapportCore
import RapportStore

extension AlertMonitor {
    /// Feeds the detector every stored mention written in [start, end], oldest first, one page at a time;
    /// returns the number of alert changes stored.
    ///
    /// `rapport ingest` uses this instead of following commits: files arrive one platform at a time, so their
    /// posts are not committed in post-time order, and a detector fed commit by commit would drop most of them
    /// as late. Read back in post-time order, a replayed history raises the alerts living through it would
    /// have; the store finds alerts it already has and changes nothing.
    @discardableResult
    public func replay(_ mentions: MentionStore, from start: Date, to end: Date, pageSize: Int = 5_000) async throws
        -> Int
    {
        var changed = 0
        var cursor: MentionCursor?
        repeat {
            let page = try await mentions.chronological(
                since: start, until: end.addingTimeInterval(0.001), limit: pageSize, after: cursor)
            changed += await process(page.items).count
            cursor = page.nextCursor
        } while cursor != nil
        return changed
    }
}
