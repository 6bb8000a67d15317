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
            reasons.append(Self.followersReason(followers))
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

    /// "author has 15.3k followers", written byte by byte into the String's own storage: building
    /// it from pieces cost a reallocation and a String per number (~800 instructions a post).
    static func followersReason(_ n: Int) -> String {
        guard n >= 10_000 else { return "author has \(compact(n)) followers" }
        return String(unsafeUninitializedCapacity: 64) { buffer in
            var k = 0
            func put(_ s: StaticString) {
                let p = s.utf8Start
                for i in 0..<s.utf8CodeUnitCount {
                    buffer[k] = p[i]
                    k += 1
                }
            }
            func putDigits(_ value: Int) {
                // Digits of a non-negative Int, most significant first.
                var v = value
                var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
                let count = withUnsafeMutableBytes(of: &digits) { raw in
                    var c = 0
                    repeat {
                        raw[c] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                        v /= 10
                        c += 1
                    } while v > 0
                    for i in 0..<c { buffer[k + i] = raw[c - 1 - i] }
                    return c
                }
                k += count
            }
            put("author has ")
            // Same arithmetic as `appendCompact`, so the text is identical.
            let tenths = Int(((n >= 1_000_000 ? Double(n) / 1_000_000 : Double(n) / 1_000) * 10).rounded())
            putDigits(tenths / 10)
            if tenths % 10 != 0 {
                buffer[k] = 0x2E
                k += 1
                putDigits(tenths % 10)
            }
            put(n >= 1_000_000 ? "M" : "k")
            put(" followers")
            return k
        }
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
