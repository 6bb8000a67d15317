import Foundation
import RapportBenchmarks
import Testing

@testable import RapportAnalysis

/// `PostAnalysis` keeps topics inline and reasons as codes; whatever is assigned must read back
/// exactly, compare and hash as the plain arrays did, and encode the same JSON.
@Suite struct CompactOutputTests {
    /// Lists that stress the inline form: separators, empty strings, control bytes, long text.
    static let awkward: [[String]] = [
        [], [""], ["", ""], ["\u{1F}"], ["a\u{1F}b", "c"], ["\u{1F}", "", "\u{1F}\u{1F}"], ["\u{0}"],
        ["\"quoted\"", "back\\slash", "new\nline\ttab", "ctrl\u{01}", "😡 émoji", "</script>"],
        ["author has 2.4M followers", "\u{1F}"], [String(repeating: "x", count: 64)],
        [String(repeating: "y", count: 65)], Array(repeating: "z", count: 300), ["#tag", "fibre box"],
    ]

    @Test func anyTopicsAndReasonsRoundTrip() throws {
        var analysis = Analyzer().analyze(
            AnalysisInput(text: "My router keeps dropping #outage @Telco", followers: 50_000))
        for list in Self.awkward {
            analysis.topics = list
            analysis.reasons = list
            #expect(analysis.topics == list)
            #expect(analysis.reasons == list)
            let json = try JSONEncoder().encode(analysis)
            let back = try JSONDecoder().decode(PostAnalysis.self, from: json)
            #expect(back == analysis)
            #expect(back.topics == list && back.reasons == list)
        }
        analysis.topics.append("\u{1F}")
        #expect(analysis.topics.last == "\u{1F}")
    }

    @Test func inlineFormRefusesSeparatorsAndOverflow() {
        func inline(_ pieces: [String]) -> TopicList? {
            TopicList.inline(count: pieces.count) { i, out, room in
                let bytes = Array(pieces[i].utf8)
                guard bytes.count <= room else { return nil }
                bytes.withUnsafeBytes { out.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
                return bytes.count
            }
        }
        for list in Self.awkward {
            let fits = list.reduce(max(0, list.count - 1)) { $0 + $1.utf8.count } <= TopicList.capacity
            let hasSeparator = list.contains { $0.utf8.contains(TopicList.separator) }
            let made = inline(list)
            #expect((made != nil) == (fits && !hasSeparator && list.count < 256), "\(list)")
            if let made {
                #expect(made.strings == list)
                #expect(made == TopicList(list))
                #expect(made.hashValue == TopicList(list).hashValue)
            }
        }
    }

    @Test func analyserOutputEqualsItsPlainArrays() {
        let analyzer = Analyzer()
        for post in AnalysisBenchmark.corpus(count: 2_000) {
            let a = analyzer.analyze(AnalysisInput(text: post, followers: 25_300, verified: true))
            let plain = PostAnalysis(
                sentiment: a.sentiment, intents: a.intents, language: a.language, topics: a.topics,
                influence: a.influence, level: a.level, reasons: a.reasons)
            #expect(a == plain)
            #expect(a.hashValue == plain.hashValue)
            #expect(a.topics == TopicExtractor().topics(post))
        }
    }

    @Test func reasonsMatchDecide() {
        let rules = PriorityRules()
        let sentiment = Sentiment(label: .negative, score: -0.6)
        let input = AnalysisInput(
            text: "x", followers: 2_400_000, verified: true, reposts: 500, ageMinutes: 10, customerValue: 5_000)
        let some = [Intent(name: .churnThreat, confidence: 0.9), Intent(name: .complaint, confidence: 0.8)]
        // Seven complaints: more intent reasons than the codes hold, so the array form is used.
        let many = Array(repeating: Intent(name: .complaint, confidence: 0.9), count: 7)
        for intents in [some, many, [Intent(name: .noise, confidence: 0.9)], []] {
            let (level, reasons) = rules.decide(input, sentiment: sentiment, intents: intents, influence: 88)
            let compact = rules.decideCompact(input, sentiment: sentiment, intents: intents, influence: 88)
            #expect(compact.level == level)
            #expect(compact.reasons.strings == reasons)
        }
        let (_, reasons) = rules.decide(input, sentiment: sentiment, intents: many, influence: 88)
        #expect(
            reasons
                == ["negative"] + Array(repeating: "complaint", count: 7) + [
                    "author has 2.4M followers", "verified author", "high-value customer (5000)",
                    "amplified fast (50 shares/replies per minute)", "influence 88",
                ])
    }

    /// Intents are packed (name and hundredths) when the analyser made them; anything else is kept
    /// as given and must read back, compare, hash and encode exactly.
    @Test func anyIntentsRoundTrip() throws {
        var analysis = Analyzer().analyze(AnalysisInput(text: "how do I cancel? switching to another provider"))
        #expect(analysis.intentList == IntentList(analysis.intents))
        #expect(analysis.intentList.hashValue == IntentList(analysis.intents).hashValue)
        let lists: [[Intent]] = [
            [], [Intent(name: .praise, confidence: 0.123456)], [Intent(name: .noise, confidence: -0.5)],
            [Intent(name: .complaint, confidence: 1.5), Intent(name: .question, confidence: .nan)],
            Array(repeating: Intent(name: .churnThreat, confidence: 0.9), count: 9),
            Intent.Name.allCases.map { Intent(name: $0, confidence: 0.01) },
        ]
        for list in lists {
            analysis.intents = list
            #expect(analysis.intents.count == list.count)
            let same = zip(analysis.intents, list).allSatisfy {
                $0.name == $1.name && $0.confidence.bitPattern == $1.confidence.bitPattern
            }
            #expect(same)
            // JSON has no NaN.
            guard !list.contains(where: { $0.confidence.isNaN }) else { continue }
            let json = try JSONEncoder().encode(analysis)
            let back = try JSONDecoder().decode(PostAnalysis.self, from: json)
            #expect(back == analysis)
        }
    }

    /// Packing keeps every name and every two-decimal confidence, in order.
    @Test func packedIntentsReadBack() {
        var list = IntentList()
        var expected: [Intent] = []
        for (k, hundredths) in [(5, 0), (0, 100), (3, 45), (1, 99), (2, 1), (4, 57)] {
            let packed = list.append(nameIndex: k, hundredths: hundredths)
            #expect(packed)
            expected.append(
                Intent(name: IntentList.name(k), confidence: (Double(hundredths) / 100 * 100).rounded() / 100))
        }
        let full = list.append(nameIndex: 0, hundredths: 50)
        #expect(!full)
        #expect(list.array == expected)
        #expect(list == IntentList(expected))
        #expect(list.hashValue == IntentList(expected).hashValue)
        var bad = IntentList()
        let over = bad.append(nameIndex: 0, hundredths: 101)
        let under = bad.append(nameIndex: 0, hundredths: -1)
        #expect(!over && !under)
        #expect(bad.isEmpty)
    }

    /// A threshold that admits confidences outside 0…1 (negative evidence) falls back to an array.
    @Test func negativeThresholdKeepsEveryIntent() {
        var classifier = IntentClassifier()
        classifier.threshold = -10
        let intents = classifier.classify("thanks but I'm switching to another provider")
        #expect(intents.count == 6)
        #expect(zip(intents, intents.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
    }

    @Test func concurrentAnalysesAgree() async {
        let posts = AnalysisBenchmark.corpus(count: 400)
        let analyzer = Analyzer()
        let serial = posts.map { analyzer.analyze(AnalysisInput(text: $0)) }
        let parallel = await withTaskGroup(of: (Int, PostAnalysis).self) { group in
            for (i, post) in posts.enumerated() { group.addTask { (i, analyzer.analyze(AnalysisInput(text: post))) } }
            var out = [PostAnalysis?](repeating: nil, count: posts.count)
            for await (i, a) in group { out[i] = a }
            return out
        }
        #expect(parallel.map { $0?.topics } == serial.map(\.topics))
        #expect(parallel.map { $0?.reasons } == serial.map(\.reasons))
        #expect(parallel == serial)
    }
}
