// Parse-rate benchmark for RapportFormats: X API v2 stream lines, parse + normalise.
//
// Builds `lines` X stream lines (varied ids, texts, authors, replies, unicode) in memory,
// then times PayloadParser.parseLine over all of them on one core, three rounds, and
// prints the best wall-clock rate and the rate per CPU-second of this thread (the
// latter is what matters on a busy shared machine).
//
// Run it from a scratch package that symlinks the RapportFormats sources, RapportCore's
// model files and this folder as an executable target `FormatsBench`:
//
//   swift build -c release --product FormatsBench && .build/release/FormatsBench 300000
import Foundation
import RapportCore
import RapportFormats

#if canImport(Glibc)
    import Glibc
#endif

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 300_000 : 300_000

let texts = [
    "@AcmeMobile three days without signal at home in #Leeds. Paying for nothing. Sort it out 😡",
    "Just switched to @AcmeMobile and the setup took two minutes. Impressed!",
    "Does anyone know if Globex fibre works in Bristol? \\\"asking for a friend\\\"",
    "Café wifi down again… @AcmeHelp any ETA? #outage #acme",
    "RT: the new X2 phone battery lasts forever but the app crashes constantly. https://t.co/abc123",
]

func line(_ i: Int) -> [UInt8] {
    let id = 1_851_234_567_890_000_000 + i
    let user = 10_000_000 + i % 50_000
    let text = texts[i % texts.count]
    let reply = i % 4 == 0 ? #","referenced_tweets":[{"type":"replied_to","id":"\#(id - 7)"}]"# : ""
    let s = """
        {"data":{"id":"\(id)","text":"\(text) \(i)","author_id":"\(user)","created_at":"2026-11-20T08:15:02.000Z","conversation_id":"\(id)","lang":"en","public_metrics":{"retweet_count":\(i % 13),"reply_count":3,"like_count":\(i % 97),"quote_count":1},"entities":{"mentions":[{"start":0,"end":11,"username":"AcmeMobile","id":"11112222"}],"hashtags":[{"start":47,"end":53,"tag":"Leeds"}]}\(reply)},"includes":{"users":[{"id":"\(user)","name":"User \(user)","username":"user\(user)","verified":\(i % 9 == 0),"description":"Views my own.","public_metrics":{"followers_count":\(i * 7 % 100_000),"following_count":310,"tweet_count":18800,"listed_count":4100}}]},"matching_rules":[{"id":"1700000000000000001","tag":"acme-brand"}]}
        """
    return Array(s.utf8)
}

let lines = (0..<count).map(line)
let totalBytes = lines.reduce(0) { $0 + $1.count }

/// CPU time of this thread: other processes on a busy machine do not count against us.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var best = Double.infinity
var bestCPU = Double.infinity
var checksum = 0
for round in 0..<3 {
    var context = StreamContext()
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = cpuSeconds()
    for (n, bytes) in lines.enumerated() {
        switch try PayloadParser.parseLine(
            .x, bytes, lineNumber: n + 1, context: &context, receivedAt: Date(timeIntervalSince1970: 0))
        {
        case .post(let post): checksum &+= post.text.utf8.count &+ post.metrics.likes
        default: break
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = cpuSeconds() - startCPU
    best = min(best, seconds)
    bestCPU = min(bestCPU, cpu)
    print(
        "round \(round + 1): \(Int(Double(count) / seconds)) lines/s wall, \(Int(Double(count) / cpu)) lines/s of CPU time"
    )
}
print(
    "X stream parse+normalise: \(count) lines, \(totalBytes / count) bytes/line, best \(Int(Double(count) / best)) lines/s wall (\(Int(Double(totalBytes) / best / 1e6)) MB/s), \(Int(Double(count) / bestCPU)) lines/s per CPU-second (checksum \(checksum))"
)
