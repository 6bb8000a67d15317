import Foundation
import RapportInsight
import Testing

@Suite struct CivilTimeTests {
    /// The hand-written formatter must give Foundation's text for every instant, leap days and negative
    /// epochs included.
    @Test func matchesFoundationISO8601() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var generator = SystemRandomNumberGenerator()
        var samples: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1),
            Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_107_542_399.999),  // 2100-02-28T23:59:59.999
            Date(timeIntervalSince1970: -2_208_988_800),  // 1900-01-01
        ]
        for _ in 0..<5_000 {
            samples.append(Date(timeIntervalSince1970: Double.random(in: -2e9...5e9, using: &generator)))
        }
        for date in samples {
            #expect(CivilTime.iso8601(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func fieldsAtAnOffset() {
        // 2026-11-23T23:30:00Z is already the 24th at UTC+1.
        let f = CivilTime(Date(timeIntervalSince1970: 1_795_476_600), offsetHours: 1)
        #expect(f.dateText == "2026-11-24")
        #expect(f.timeText == "00:30")
    }
}
