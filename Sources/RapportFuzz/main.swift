import Foundation

// rapport-fuzz: a seeded mutation harness over every parser that reads strangers' bytes (platform payloads,
// MIME, feeds, the rule query language, the orders CSV). Deterministic: input i of a run is a function of
// (seed, i); a crash prints nothing after "running", so the last progress line bounds it; replay with --replay.
//
//   swift run -c release rapport-fuzz [--target NAME|all] [--iterations N] [--seed S] [--corpus DIR] [--replay I]

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let targetName = option("--target") ?? "all"
let iterations = Int(option("--iterations") ?? "") ?? 1_000_000
let seed = UInt64(option("--seed") ?? "") ?? 1
let replay = Int(option("--replay") ?? "")
let corpus = URL(fileURLWithPath: option("--corpus") ?? "Tests/RapportFormatsTests/Fixtures")

let targets = FuzzTarget.all(corpus: corpus).filter { targetName == "all" || $0.name == targetName }
guard !targets.isEmpty else {
    FileHandle.standardError.write(
        Data(
            "unknown target \(targetName); targets: \(FuzzTarget.all(corpus: corpus).map(\.name).joined(separator: ", "))\n"
                .utf8))
    exit(2)
}
let dictionary: [[UInt8]] = [
    "{", "}", "[", "]", "\"", "\\u0000", "\\ud800", ":", ",", "null", "1e999999", "-0", "<", ">", "</", "<![CDATA[",
    "]]>",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&amp;", "&#x10FFFF;", "&#0;", "\r\n", "\r\n\r\n", "--", "boundary=",
    "Content-Type: multipart/mixed; boundary=b\r\n", "=?utf-8?B?", "=?iso-8859-1?Q?=E9?=",
    "Content-Transfer-Encoding: base64\r\n",
    "(", ")", "AND", "OR", "NOT", "*", "lang:", "from:", "followers:>", "\"\"", ",,", "\n",
].map { Array($0.utf8) }

func milliseconds(_ d: Duration) -> Int64 {
    d.components.seconds * 1_000 + d.components.attoseconds / 1_000_000_000_000_000
}

for target in targets {
    var seeds = target.seedFiles.compactMap { try? [UInt8](Data(contentsOf: corpus.appendingPathComponent($0))) }
    seeds += target.extraSeeds.map { Array($0.utf8) }
    guard !seeds.isEmpty else {
        FileHandle.standardError.write(Data("\(target.name): no seeds found under \(corpus.path)\n".utf8))
        exit(2)
    }
    let mutator = Mutator(seeds: seeds, dictionary: dictionary, maxLength: 64 * 1024)
    if let replay {
        let input = mutator.input(seed: seed, iteration: replay)
        FileHandle.standardOutput.write(Data(input))
        target.run(input)
        print("\n\(target.name) iteration \(replay): returned")
        continue
    }
    let watchdog = Watchdog(target: target.name, limit: .seconds(1))
    let clock = ContinuousClock()
    let start = clock.now
    var slowest: Duration = .zero
    for i in 0..<iterations {
        let input = mutator.input(seed: seed, iteration: i)
        let began = clock.now
        watchdog.begin(i)
        target.run(input)
        watchdog.end()
        slowest = max(slowest, clock.now - began)
    }
    let elapsed = clock.now - start
    print(
        "\(target.name): \(iterations) inputs, seed \(seed), no crash, no hang; slowest input \(milliseconds(slowest)) ms, \(milliseconds(elapsed) / 1_000) s"
    )
}
