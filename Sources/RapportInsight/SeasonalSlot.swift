import Foundation

/// Where a bucket falls in the audience's week: the inputs of the hour-of-day × day-of-week profile.
struct SeasonalSlot: Sendable, Hashable {
    /// Local hour of the bucket's midpoint, fractional (0 ≤ position < 24), for interpolation.
    var hourPosition: Double
    /// The hour containing the midpoint (0…23).
    var hour: Int
    /// Day of the week of the midpoint, Sunday = 0.
    var weekday: Int

    init(bucketStart: Double, bucketSeconds: Double, utcOffsetHours: Double) {
        let middle = bucketStart + bucketSeconds / 2 + utcOffsetHours * 3600
        let day = (middle / 86_400).rounded(.down)
        let secondOfDay = middle - day * 86_400
        hourPosition = secondOfDay / 3600
        hour = min(23, max(0, Int(hourPosition)))
        // 1970-01-01 was a Thursday (4 with Sunday = 0).
        weekday = ((Int(day) + 4) % 7 + 7) % 7
    }
}
