/// Puts every post in exactly one funnel level and says why, as data.
///
/// - noise: the most confident intent is noise (≥ 0.5) and nothing asks for an answer.
/// - urgent: a negative post or complaint from a celebrity (≥ `celebrityFollowers`, or verified
///   with ≥ 10k); a churn threat from a customer worth ≥ `highValueCustomer`; or a negative post
///   being amplified fast (≥ `amplificationPerMinute` reposts+quotes+replies per minute and at
///   least `minimumAmplification` of them).
/// - attention: any complaint, churn threat, question, purchase intent or negative sentiment,
///   a fast-spreading positive post, or an author with influence ≥ `influentialScore`.
/// - relevant: everything else.
public struct PriorityRules: Sendable {
    public var celebrityFollowers = 100_000
    public var highValueCustomer = 1_000.0
    public var amplificationPerMinute = 2.0
    public var minimumAmplification = 50
    public var influentialScore = 60
    public var intentThreshold = 0.45

    public init() {}

    public func decide(
        _ input: AnalysisInput, sentiment: Sentiment, intents: [Intent], influence: Int
    ) -> (level: Level, reasons: [String]) {
        func has(_ name: Intent.Name) -> Bool {
            intents.contains { $0.name == name && $0.confidence >= intentThreshold }
        }
        let complaint = has(.complaint), churn = has(.churnThreat), question = has(.question)
        let purchase = has(.purchaseIntent)
        if let top = intents.first, top.name == .noise, top.confidence >= 0.5, !complaint, !churn, !question {
            return (.noise, ["noise"])
        }
        var reasons: [String] = []
        reasons.reserveCapacity(4)
        if sentiment.label != .neutral { reasons.append(sentiment.label.rawValue) }
        for intent in intents where intent.confidence >= intentThreshold && intent.name != .noise {
            reasons.append(Self.reason(intent.name))
        }
        let followers = input.followers ?? 0
        let negative = sentiment.label == .negative || complaint || churn
        let celebrity = followers >= celebrityFollowers || (input.verified && followers >= 10_000)
        if followers >= 10_000 {
            // Built in place: interpolation would make a String per piece.
            var reason = "author has "
            reason.reserveCapacity(32)
            Self.appendCompact(followers, to: &reason)
            reason += " followers"
            reasons.append(reason)
        }
        if input.verified { reasons.append("verified author") }
        let highValue = (input.customerValue ?? 0) >= highValueCustomer
        if highValue { reasons.append("high-value customer (\(Self.compact(Int(input.customerValue ?? 0))))") }
        let spread = input.reposts + input.quotes + input.replies
        var amplified = false
        if let age = input.ageMinutes, spread >= minimumAmplification {
            let perMinute = Double(spread) / max(age, 1)
            if perMinute >= amplificationPerMinute {
                amplified = true
                reasons.append("amplified fast (\(Int(perMinute.rounded())) shares/replies per minute)")
            }
        }
        if influence >= influentialScore { reasons.append("influence \(influence)") }
        let urgent = (negative && celebrity) || (churn && highValue) || (negative && amplified)
        if urgent { return (.urgent, reasons) }
        if negative || question || purchase || amplified || influence >= influentialScore {
            return (.attention, reasons)
        }
        return (.relevant, reasons)
    }

    /// The reason phrase for an intent ("purchase intent"): literals, so no String is built.
    static func reason(_ name: Intent.Name) -> String {
        switch name {
        case .complaint: "complaint"
        case .question: "question"
        case .praise: "praise"
        case .purchaseIntent: "purchase intent"
        case .churnThreat: "churn threat"
        case .noise: "noise"
        }
    }

    /// 2_400_000 → "2.4M", 15_300 → "15.3k", 950 → "950".
    static func compact(_ n: Int) -> String {
        var out = ""
        appendCompact(n, to: &out)
        return out
    }

    /// Appends `compact(n)`: one decimal, rounded half away from zero, ".0" dropped.
    static func appendCompact(_ n: Int, to out: inout String) {
        func one(_ x: Double, _ unit: String) {
            let tenths = Int((x * 10).rounded())
            out += String(tenths / 10)
            if tenths % 10 != 0 {
                out += "."
                out += String(tenths % 10)
            }
            out += unit
        }
        if n >= 1_000_000 {
            one(Double(n) / 1_000_000, "M")
        } else if n >= 10_000 {
            one(Double(n) / 1_000, "k")
        } else {
            out += String(n)
        }
    }
}
