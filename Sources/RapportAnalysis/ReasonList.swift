/// The reasons of a `PostAnalysis`, stored as what they say rather than as Strings.
///
/// `PriorityRules` gives each post up to seven reasons drawn from a fixed set of phrases and four
/// numbers; keeping the choices and the numbers (trivial values, no heap memory) instead of an
/// array of Strings saves an allocation and a free per post. `strings` writes the phrases when
/// someone reads them, exactly as `PriorityRules` used to. Reasons assigned from outside the
/// analyser are kept as a plain array, so any list of Strings round-trips exactly.
struct ReasonList: Sendable {
    /// What the analyser decided; ignored when `list` is set.
    struct Codes: Sendable, Hashable {
        var noise = false
        /// 0: none, 1: "positive", 2: "negative".
        var sentiment: UInt8 = 0
        /// Intent reasons in order, 3 bits each (`Intent.Name` index + 1), up to five.
        var intents: UInt16 = 0
        var verified = false
        var amplified = false
        var influential = false
        var highValue = false
        /// Followers when ≥ 10,000 (the reason is given), else 0.
        var followers = 0
        var customerValue = 0
        var perMinute = 0
        var influence = 0

        /// Adds an intent reason; false when there is no room (the caller then uses an array).
        mutating func addIntent(_ name: Intent.Name) -> Bool {
            guard intents < 1 << 12 else { return false }
            let code: UInt16 =
                switch name {
                case .complaint: 1
                case .question: 2
                case .praise: 3
                case .purchaseIntent: 4
                case .churnThreat: 5
                case .noise: 6
                }
            var shift: UInt16 = 0
            while intents >> shift != 0 { shift += 3 }
            intents |= code << shift
            return true
        }
    }

    /// Read by `AnalyzeOutput`, which writes the phrases straight from the codes.
    private(set) var codes = Codes()
    /// The reasons when they are not codes.
    private(set) var list: [String]?

    init(_ strings: [String]) {
        list = strings
    }

    init(codes: Codes) {
        self.codes = codes
    }

    static let noise = ReasonList(codes: Codes(noise: true))

    /// The reasons, in order: sentiment, intents, followers, verified, value, spread, influence.
    var strings: [String] {
        if let list { return list }
        let c = codes
        if c.noise { return ["noise"] }
        var out: [String] = []
        if c.sentiment == 1 { out.append("positive") }
        if c.sentiment == 2 { out.append("negative") }
        var intents = c.intents
        while intents != 0 {
            // The codes follow the declaration order of `Intent.Name`.
            out.append(PriorityRules.reason(Intent.Name.allCases[Int(intents & 7) - 1]))
            intents >>= 3
        }
        if c.followers != 0 { out.append(PriorityRules.followersReason(c.followers)) }
        if c.verified { out.append("verified author") }
        if c.highValue { out.append("high-value customer (\(PriorityRules.compact(c.customerValue)))") }
        if c.amplified { out.append("amplified fast (\(c.perMinute) shares/replies per minute)") }
        if c.influential { out.append("influence \(c.influence)") }
        return out
    }
}

extension ReasonList: Hashable {
    /// Equal when the phrases are, whichever form holds them.
    static func == (a: ReasonList, b: ReasonList) -> Bool {
        if a.list == nil && b.list == nil { return a.codes == b.codes || a.strings == b.strings }
        return a.strings == b.strings
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(strings)
    }
}
