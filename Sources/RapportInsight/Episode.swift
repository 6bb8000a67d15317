/// An open alert and the bookkeeping needed to update and close it.
struct Episode: Sendable {
    var alert: Alert
    /// Consecutive buckets back to normal.
    var quietBuckets = 0
    /// The peak ratio last announced (at opening or in an update).
    var announcedPeak: Double
    /// End of the last bucket that was abnormal on its own (single-bucket p-value below the close level).
    var lastAbnormalEnd: Double
    /// Influential posts already named in the alert.
    var reportedInfluencers: Set<String> = []
}
