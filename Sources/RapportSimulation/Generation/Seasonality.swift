import Foundation

/// The hour-of-day and day-of-week shape of social traffic: busy evenings, quiet nights, softer weekends.
/// Factors average to 1 over a week, so `rate × factor` keeps the configured mean rate.
struct Seasonality: Sendable {
    /// Local-time activity per hour, before normalisation (midnight first).
    private static let hourly: [Double] = [
        0.45, 0.30, 0.22, 0.18, 0.18, 0.25, 0.45, 0.75, 1.00, 1.15, 1.20, 1.25,
        1.30, 1.25, 1.20, 1.20, 1.25, 1.30, 1.35, 1.40, 1.35, 1.20, 0.95, 0.70,
    ]
    /// Sunday first.
    private static let daily: [Double] = [0.85, 1.05, 1.05, 1.05, 1.05, 1.00, 0.85]

    /// Factor per hour of the week (Sunday 00:00 local first), normalised and blended with a flat line.
    private let weekly: [Double]
    private let offsetSeconds: Double
    /// The largest factor: the bound used to thin a homogeneous Poisson process into this shape.
    let maximum: Double

    init(strength: Double, utcOffsetHours: Double) {
        let strength = min(1, max(0, strength))
        var raw: [Double] = []
        for day in 0..<7 {
            for hour in 0..<24 { raw.append(Self.hourly[hour] * Self.daily[day]) }
        }
        let mean = raw.reduce(0, +) / Double(raw.count)
        weekly = raw.map { 1 + strength * ($0 / mean - 1) }
        maximum = weekly.max() ?? 1
        offsetSeconds = utcOffsetHours * 3600
    }

    /// The factor at `time` (seconds since 1970, UTC), interpolated linearly between hour centres.
    func factor(at time: Double) -> Double {
        // 1970-01-01 was a Thursday: shift so that hour 0 of the table is a Sunday midnight.
        let week = 7 * 86_400.0
        var local = (time + offsetSeconds + 4 * 86_400).truncatingRemainder(dividingBy: week)
        if local < 0 { local += week }
        let position = local / 3600 - 0.5
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let a = weekly[(lower + 168) % 168]
        let b = weekly[(lower + 1) % 168]
        return a + (b - a) * fraction
    }
}
