import Foundation
import RapportCore
import RapportFormats
import RapportStore

/// One parser under test: its seeds and how to feed it an input. Errors are expected answers; only a crash or a
/// hang is a finding.
struct FuzzTarget: Sendable {
    let name: String
    let seedFiles: [String]
    let extraSeeds: [String]
    let run: @Sendable ([UInt8]) -> Void

    static func all(corpus: URL) -> [FuzzTarget] {
        var targets = PayloadFormat.allCases.map { format in
            FuzzTarget(name: "payload-\(format.rawValue)", seedFiles: seedFiles(for: format), extraSeeds: []) { bytes in
                _ = try? PayloadParser.parse(format, bytes, receivedAt: Date(timeIntervalSince1970: 1_700_000_000))
                if format.isLineDelimited {
                    var context = StreamContext()
                    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                        _ = try? PayloadParser.parseLine(format, Array(line), context: &context)
                    }
                }
            }
        }
        targets.append(
            FuzzTarget(name: "rule-query", seedFiles: [], extraSeeds: sampleQueries) { bytes in
                guard let query = try? ListeningQuery.compile(String(decoding: bytes, as: UTF8.self)) else { return }
                _ = query.matches(probeDocument)
                _ = try? ListeningQuery.compile(query.normalized)
            })
        targets.append(
            FuzzTarget(name: "orders-csv", seedFiles: [], extraSeeds: sampleCSV) { bytes in
                _ = OrderCSV.parse(String(decoding: bytes, as: UTF8.self))
            })
        return targets
    }

    private static func seedFiles(for format: PayloadFormat) -> [String] {
        switch format {
        case .x, .rapport: ["x-v2-stream.ndjson"]
        case .meta: ["meta-page-feed.json", "meta-messenger.json", "meta-instagram-comment.json"]
        case .mastodon: ["mastodon-status.json"]
        case .bluesky: ["bluesky-jetstream.ndjson"]
        case .reddit: ["reddit-comments.json"]
        case .rss: ["feed-rss.xml"]
        case .atom: ["feed-atom.xml"]
        case .feed: ["feed-rss.xml", "feed-atom.xml"]
        case .email, .mbox: ["email.eml"]
        case .webchat, .interaction: ["mastodon-status.json", "meta-messenger.json"]
        }
    }

    static let probeDocument = MatchDocument(
        post: IncomingPost(
            network: .x, externalID: "1", author: Author(network: .x, externalID: "7", handle: "pat", followers: 5_000),
            text: "Acme broke my phone #fail @AcmeMobile https://acme.example",
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), origin: .publicStream))

    static let sampleQueries = [
        "acme OR @AcmeMobile", "\"acme mobile\" AND (broken OR refund*) NOT giveaway",
        "lang:en network:x (outage OR down) -test", "#acmefail OR from:acme followers:>1000",
        "(a OR (b AND (c OR d))) NOT \"e f\"", "title:refund* sentiment:negative",
    ]

    static let sampleCSV = [
        "customer_email,order_id,ordered_at,amount,currency\npat@example.com,A-1,2026-01-02T10:00:00Z,19.99,EUR\n",
        "order_id,ordered_at,amount,currency,customer_handle\r\n\"B,2\",2026-01-03,\"1\"\"0\",USD\r\n",
    ]
}
