import Foundation

/// "Did the exchange turn the customer around?": per conversation, the mean sentiment of the customer's
/// messages before the first agent reply and after it.
///
/// A conversation counts when the customer wrote scored messages on both sides of the first agent reply.
/// It started negative when the mean before is below `-threshold`, and was turned around when it started
/// negative and the mean after is at least `-threshold` (neutral or positive). Sentiment scores are the
/// analyser's (−1…1, lexicon-based): sarcasm and short answers ("ok") are read imperfectly, and a customer who
/// stops writing is not counted at all.
public struct SentimentTurnaround: Sendable, Hashable, Codable {
    /// One conversation: when the first agent reply went out, and the customer's scored messages.
    public struct Conversation: Sendable, Hashable {
        public var firstReplyAt: Date?
        public var scores: [Score]

        public struct Score: Sendable, Hashable {
            public var at: Date
            public var value: Double
            public init(at: Date, value: Double) {
                self.at = at
                self.value = value
            }
        }

        public init(firstReplyAt: Date?, scores: [Score]) {
            self.firstReplyAt = firstReplyAt
            self.scores = scores
        }

        /// Mean before and after the first reply; nil when either side has no message.
        public var beforeAndAfter: (before: Double, after: Double)? {
            guard let reply = firstReplyAt else { return nil }
            let before = scores.filter { $0.at < reply }.map(\.value)
            let after = scores.filter { $0.at >= reply }.map(\.value)
            guard !before.isEmpty, !after.isEmpty else { return nil }
            return (before.reduce(0, +) / Double(before.count), after.reduce(0, +) / Double(after.count))
        }
    }

    /// Below −threshold is negative, above +threshold positive (VADER's usual 0.05).
    public static let threshold = 0.05

    /// Conversations with customer messages on both sides of the first agent reply.
    public let measured: Int
    /// Mean of the per-conversation means before the reply; nil when none was measured.
    public let meanBefore: Double?
    public let meanAfter: Double?
    /// Measured conversations that started negative.
    public let startedNegative: Int
    /// Of those, the ones whose customer was neutral or positive after the reply.
    public let turnedAround: Int

    /// turnedAround / startedNegative; nil when no conversation started negative.
    public var turnedAroundShare: Double? {
        startedNegative > 0 ? Double(turnedAround) / Double(startedNegative) : nil
    }

    public init(_ conversations: [Conversation]) {
        self.init(pairs: conversations.compactMap(\.beforeAndAfter))
    }

    /// From each measured conversation's mean sentiment before and after the first reply (computed elsewhere,
    /// e.g. by the database).
    public init(pairs: [(before: Double, after: Double)]) {
        measured = pairs.count
        meanBefore = pairs.isEmpty ? nil : pairs.map(\.before).reduce(0, +) / Double(pairs.count)
        meanAfter = pairs.isEmpty ? nil : pairs.map(\.after).reduce(0, +) / Double(pairs.count)
        let negative = pairs.filter { $0.before < -Self.threshold }
        startedNegative = negative.count
        turnedAround = negative.filter { $0.after >= -Self.threshold }.count
    }
}
