import Foundation

/// Reads how long a platform asked us to wait before trying again.
///
/// `Retry-After` (RFC 9110: delta-seconds or an HTTP-date) is the standard; X and Bluesky also send the moment
/// their rate-limit window resets (`x-rate-limit-reset`, `ratelimit-reset`: Unix seconds) and Mastodon sends
/// `X-RateLimit-Reset` as an ISO 8601 time.
public enum RetryAfterHeader {
    /// Seconds to wait from `now`, or `nil` when the response says nothing usable.
    public static func delay(in response: HTTPResponseSnapshot, now: Date) -> TimeInterval? {
        if let value = response.header("retry-after")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(value), seconds >= 0 { return seconds }
            if let date = httpDate(value) { return max(0, date.timeIntervalSince(now)) }
        }
        for name in ["x-rate-limit-reset", "ratelimit-reset", "x-ratelimit-reset"] {
            guard let value = response.header(name)?.trimmingCharacters(in: .whitespaces) else { continue }
            if let epoch = Double(value) {
                // Small values are a delta (some proxies), large ones an epoch time.
                return epoch > 1_000_000_000 ? max(0, epoch - now.timeIntervalSince1970) : max(0, epoch)
            }
            if let date = iso8601(value) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }

    static func httpDate(_ value: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value)
    }

    static func iso8601(_ value: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: value) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: value)
    }
}
