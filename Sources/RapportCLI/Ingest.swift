import ArgumentParser
import Foundation
import Logging
import RapportFormats
import RapportIngest
import RapportServer
import RapportStore

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest files of platform payloads (NDJSON, JSON, XML, .eml, mbox) through the pipeline.",
        discussion:
            "Formats: \(PayloadFormat.allCases.map(\.rawValue).joined(separator: ", ")). A directory ingests every file in it."
    )

    @OptionGroup var db: DatabaseOption
    @Option(help: "Payload format of the files.") var format: String
    @Flag(help: "Never draw a progress bar (it is drawn only on a terminal anyway).") var quiet = false
    @Flag(
        inversion: .prefixedNo,
        help: """
            Replay the crisis detector over the imported span afterwards. When importing several formats of one \
            period, pass --no-alerts to all but the last import.
            """) var alerts = true
    @Argument(help: "Files or directories.") var paths: [String]

    func run() async throws {
        guard let payloadFormat = PayloadFormat(name: format) else {
            throw ValidationError(
                "unknown format '\(format)'; use one of: \(PayloadFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let files = try expand(paths)
        var logger = Logger(label: "rapport")
        logger.logLevel = .warning
        let services = try await RapportServices.open(try db.configuration(), logger: logger)
        let pipeline = services.pipeline
        let importStarted = Date().addingTimeInterval(-1)
        let writer = Task { try await pipeline.run() }
        let ingestor = FileIngestor { posts, source, rejected in
            try await pipeline.submit(posts, source: source, rejected: rejected)
        }
        let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        var failed = false
        var rejectedTotal = 0
        for file in files {
            do {
                let summary = try await ingestor.ingest(path: file, format: payloadFormat) {
                    bar.update($0, file: file)
                }
                bar.finish()
                for line in summary.rejected { printError("\(file): \(line)") }
                rejectedTotal += summary.rejected.count
                print(
                    "\(file): read \(summary.read), stored \(summary.stored), duplicate \(summary.duplicates), "
                        + "filtered \(summary.filtered), skipped \(summary.skipped), rejected \(summary.rejected.count)"
                )
            } catch let error as FormatError {
                bar.finish()
                printError("\(file): \(error.code.rawValue): \(error.message)")
                failed = true
            }
        }
        pipeline.close()
        try await writer.value
        // Crisis alerts: files come one platform at a time, not in post-time order, so the detector reads the
        // imported span back oldest first (with a week of stored history before it for the baseline). A replay
        // raises the alerts living through it would have; alerts already stored are left as they are.
        if alerts, let span = try await services.mentions.postTimeSpan(ingestedSince: importStarted) {
            let changes = try await services.alerts.replay(
                services.mentions, from: span.start.addingTimeInterval(-7 * 86_400), to: span.end)
            print("alerts: \(changes) new or changed (GET /api/v1/alerts)")
        }
        await services.database.close()
        if failed || rejectedTotal > 0 { throw ExitCode(1) }
    }

    private func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file: \(path)")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted().filter {
                    !$0.hasPrefix(".")
                }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

/// Writes a line to standard output without buffering.
func say(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
