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
        let (level, reasons) = decideCompact(input, sentiment: sentiment, intents: intents, influence: influence)
        return (level, reasons.strings)
    }

    /// `decide` with the reasons as codes and numbers (no Strings, no array), as `PostAnalysis`
    /// stores them.
    func decideCompact(
        _ input: AnalysisInput, sentiment: Sentiment, intents: [Intent], influence: Int
    ) -> (level: Level, reasons: ReasonList) {
        decideCompact(input, sentiment: sentiment, intents: IntentList(intents), influence: influence)
    }

    /// `decideCompact` for intents as `PostAnalysis` keeps them (the analyser's, packed).
    func decideCompact(
        _ input: AnalysisInput, sentiment: Sentiment, intents: IntentList, influence: Int
    ) -> (level: Level, reasons: ReasonList) {
        var complaint = false, churn = false, question = false, purchase = false
        let intentCount = intents.count
        for k in 0..<intentCount {
            let intent = intents[k]
            guard intent.confidence >= intentThreshold else { continue }
            switch intent.name {
            case .complaint: complaint = true
            case .churnThreat: churn = true
            case .question: question = true
            case .purchaseIntent: purchase = true
            case .praise, .noise: break
            }
        }
        if intentCount > 0, case let top = intents[0], top.name == .noise, top.confidence >= 0.5, !complaint, !churn,
            !question
        {
            return (.noise, .noise)
        }
        let followers = input.followers ?? 0
        let negative = sentiment.label == .negative || complaint || churn
        let celebrity = followers >= celebrityFollowers || (input.verified && followers >= 10_000)
        let highValue = (input.customerValue ?? 0) >= highValueCustomer
        // In Double: counts come from strangers' payloads, and Int.max reposts must not trap on overflow.
        let spread = Double(input.reposts) + Double(input.quotes) + Double(input.replies)
        var amplified = false
        var perMinute = 0.0
        if let age = input.ageMinutes, spread >= Double(minimumAmplification) {
            perMinute = spread / max(age, 1)
            amplified = perMinute >= amplificationPerMinute
        }
        let influential = influence >= influentialScore
        // The reasons, in this order: sentiment, intents, followers, verified, value, spread,
        // influence (`ReasonList.strings` writes them).
        var codes = ReasonList.Codes()
        codes.sentiment = sentiment.label == .positive ? 1 : sentiment.label == .negative ? 2 : 0
        var fits = true
        for k in 0..<intentCount {
            let intent = intents[k]
            if intent.confidence >= intentThreshold && intent.name != .noise {
                fits = fits && codes.addIntent(intent.name)
            }
        }
        if followers >= 10_000 { codes.followers = followers }
        codes.verified = input.verified
        if highValue {
            codes.highValue = true
            codes.customerValue = Self.clampedInt(input.customerValue ?? 0)
        }
        if amplified {
            codes.amplified = true
            codes.perMinute = Self.clampedInt(perMinute.rounded())
        }
        if influential {
            codes.influential = true
            codes.influence = influence
        }
        // More than five intent reasons (only possible with intents given from outside, repeated):
        // the plain array, written the same way.
        let reasons =
            fits ? ReasonList(codes: codes) : ReasonList(Self.reasons(intents.array, codes, threshold: intentThreshold))
        let urgent = (negative && celebrity) || (churn && highValue) || (negative && amplified)
        if urgent { return (.urgent, reasons) }
        if negative || question || purchase || amplified || influential {
            return (.attention, reasons)
        }
        return (.relevant, reasons)
    }

    /// The reasons of `codes` with every intent reason of `intents` (no limit on their number).
    private static func reasons(_ intents: [Intent], _ codes: ReasonList.Codes, threshold: Double) -> [String] {
        var head = codes
        head.intents = 0
        head.followers = 0
        head.verified = false
        head.highValue = false
        head.amplified = false
        head.influential = false
        var tail = codes
        tail.sentiment = 0
        tail.intents = 0
        var out = ReasonList(codes: head).strings
        for intent in intents where intent.confidence >= threshold && intent.name != .noise {
            out.append(reason(intent.name))
        }
        return out + ReasonList(codes: tail).strings
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
        guard let (tenths, millions) = followersTenths(n) else { return "author has \(compact(n)) followers" }
        if !millions { return thousandsReasons[tenths - 100] }
        return followersReason(tenths: tenths, unit: "M")
    }

    /// `Int(x)` (toward zero) that saturates instead of trapping: `"customer_value": 1e300` is a stranger's input.
    static func clampedInt(_ x: Double) -> Int {
        guard x.isFinite else { return x.isNaN ? 0 : (x > 0 ? .max : .min) }
        if x >= 9.2e18 { return .max }
        if x <= -9.2e18 { return .min }
        return Int(x)
    }

    /// The count of `followersReason(n)` in tenths of its unit (thousands, or millions when
    /// `millions`); nil below 10,000, where the count is written whole. Same arithmetic as
    /// `appendCompact`, so the text is identical (`AnalyzeOutput` writes it from these too).
    static func followersTenths(_ n: Int) -> (tenths: Int, millions: Bool)? {
        guard n >= 10_000 else { return nil }
        let millions = n >= 1_000_000
        return (Int(((millions ? Double(n) / 1_000_000 : Double(n) / 1_000) * 10).rounded()), millions)
    }

    /// The reasons for 10.0k … 999.9k followers (and "1000k", which 999,950 rounds to), indexed
    /// by tenths of a thousand minus 100: formatted once per process (9,901 strings, about 0.6 MB,
    /// ~1 ms) because nearly every post from an author with 10k–1M followers carries one, and a
    /// shared String costs a reference count where a new one costs an allocation and a free.
    private static let thousandsReasons: [String] = (100...10_000).map { followersReason(tenths: $0, unit: "k") }

    /// "author has 15.3k followers", written byte by byte into the String's own storage.
    private static func followersReason(tenths: Int, unit: StaticString) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
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
            putDigits(tenths / 10)
            if tenths % 10 != 0 {
                buffer[k] = 0x2E
                k += 1
                putDigits(tenths % 10)
            }
            put(unit)
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
