import ArgumentParser
import Foundation
import RapportAnalysis
import RapportCore
import RapportIngest
import RapportStore

struct Reanalyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run the analyser over stored mentions, streaming in id order; resumes where it stopped.")

    @OptionGroup var db: DatabaseOption
    @Option(help: "Mentions per transaction.") var batch = 1_000
    @Flag(help: "Start from the first mention instead of resuming.") var restart = false

    func run() async throws {
        try await withStore(db) { database in
            let store = MentionStore(database: database)
            let cursors = StreamCursorStore(database: database)
            let key = "reanalyze"
            var last = restart ? 0 : Int64(try await cursors.cursor(for: key) ?? "0") ?? 0
            let analyzer = Analyzer()
            var done = 0
            while true {
                let page = try await store.mentions(afterID: last, limit: batch)
                guard let lastID = page.last?.id else { break }
                let updates = page.map { m in
                    (id: m.id, analysis: analyzer.analyze(PostTriage.analysisInput(m.post, now: m.ingestedAt)))
                }
                try await store.updateAnalyses(updates)
                last = lastID
                // The cursor moves only after the batch commits: an interrupted run resumes here.
                try await cursors.save(String(last), for: key)
                done += page.count
                if isatty(STDERR_FILENO) == 1 { printError("reanalysed \(done) (up to id \(last))") }
            }
            try await cursors.save("0", for: key)
            print("reanalysed \(done) mentions")
        }
    }
}
