import Foundation
import RapportCore

// Listening-rule micro-benchmark: 200 sample rules against generated posts,
// single core. Run from the scratch package with:
//   swift run -c release rules-bench [posts] [rules]
let arguments = CommandLine.arguments
let postCount = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let ruleCount = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let distinctPosts = min(postCount, 200_000)

/// CPU time of this thread: on a shared 2-core machine, wall time mostly measures the neighbours.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(_ body: () -> Void) -> Double {
    let wallStart = DispatchTime.now().uptimeNanoseconds
    let start = threadCPUTime()
    body()
    let cpu = threadCPUTime() - start
    let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
    print(String(format: "  (thread CPU %.2f s, wall %.2f s)", cpu, wall))
    return cpu
}

let rules = SampleRules.generate(count: ruleCount, seed: 42)
var matcher: RuleMatcher?
let compileTime = seconds { matcher = try! RuleMatcher(rules: rules) }
let rulesMatcher = matcher!
print(
    "compiled \(rulesMatcher.count) rules, vocabulary \(rulesMatcher.vocabularySize), in \(String(format: "%.1f", compileTime * 1000)) ms"
)

var generator = PostGenerator(seed: 7)
let posts = (0..<distinctPosts).map { generator.post($0) }
print("generated \(distinctPosts) distinct posts; matching \(postCount) (cycled), single core")

var documents: [MatchDocument] = []
let tokenizeTime = seconds { documents = posts.map(MatchDocument.init(post:)) }
print(
    String(
        format: "tokenise only:        %8.0f posts/s  (%.2f µs/post)", Double(distinctPosts) / tokenizeTime,
        tokenizeTime / Double(distinctPosts) * 1e6))

var matchedPosts = 0
var totalMatches = 0
let matchOnlyTime = seconds {
    for document in documents {
        let ids = rulesMatcher.matchingRuleIDs(for: document)
        totalMatches += ids.count
    }
}
print(
    String(
        format: "match pre-tokenised:  %8.0f posts/s  (%.2f µs/post)", Double(distinctPosts) / matchOnlyTime,
        matchOnlyTime / Double(distinctPosts) * 1e6))

totalMatches = 0
let fullTime = seconds {
    for index in 0..<postCount {
        let ids = rulesMatcher.matchingRuleIDs(for: posts[index % distinctPosts])
        if !ids.isEmpty { matchedPosts += 1 }
        totalMatches += ids.count
    }
}
print(
    String(
        format: "tokenise + match:     %8.0f posts/s  (%.2f µs/post)", Double(postCount) / fullTime,
        fullTime / Double(postCount) * 1e6))
print(
    String(
        format: "posts matching ≥1 rule: %.1f%%, matches per post: %.2f",
        Double(matchedPosts) / Double(postCount) * 100, Double(totalMatches) / Double(postCount)))

// The naive way, for scale: every query evaluated one by one on each post.
let queries = rules.map { try! ListeningQuery.compile($0.query) }
let naiveCount = ProcessInfo.processInfo.environment["NAIVE"] == "0" ? 0 : min(20_000, distinctPosts)
var naiveMatches = 0
let naiveTime = seconds {
    for document in documents.prefix(naiveCount) {
        for query in queries where query.matches(document) { naiveMatches += 1 }
    }
}
print(
    String(
        format: "naive (each query):   %8.0f posts/s  (%.2f µs/post)", Double(naiveCount) / naiveTime,
        naiveTime / Double(naiveCount) * 1e6))
