import Foundation
import Logging
import RapportStore
import Testing

@Suite(
    "rapport ingest replays crisis alerts",
    .enabled(if: FileManager.default.isExecutableFile(atPath: rapportExecutable)))
struct CLIAlertTests {
    @Test("a recorded incident, written by simulate and imported format by format, raises its alert")
    func replayedIncident() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-cli-alerts-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.db").path
        let files = dir.appendingPathComponent("payloads")
        let simulated = try runRapport([
            "simulate", "--output", files.path, "--fast", "--rate", "0.3", "--duration", "9600", "--seed", "7",
            "--start", "2025-11-20T00:00:00Z", "--incident-at", "7800", "--incident-duration", "1200",
            "--incident-multiplier", "5",
        ])
        #expect(simulated.status == 0, "\(simulated.err)")
        #expect(
            try runRapport([
                "rules", "add", "--database", db, "--name", "acme", "--brand", "acme", "--query",
                #"acme OR @AcmeMobile OR #acme OR "acme mobile""#,
            ]).status == 0)
        let formats = try FileManager.default.contentsOfDirectory(atPath: files.path).sorted()
        #expect(formats.count > 1)
        // Every platform's file but the last without alerts; the last import replays the whole span.
        var last = ""
        for (index, format) in formats.enumerated() {
            // `x.ndjson` and `bluesky.ndjson` are files, the other formats directories of documents.
            let name = String(format.split(separator: ".")[0])
            let run = try runRapport(
                ["ingest", "--database", db, "--format", name, files.appendingPathComponent(format).path]
                    + (index < formats.count - 1 ? ["--no-alerts"] : []))
            #expect(run.status == 0, "\(format): \(run.err)")
            last = run.out
        }
        #expect(last.contains("alerts: "), "\(last)")
        let database = try await Database.open(.sqlite(path: db), logger: Logger(label: "test"))
        let alerts = try await AlertStore(database: database).list(limit: 1_000)
        await database.close()
        let onRule = alerts.filter { $0.ruleID == 1 }
        #expect(!onRule.isEmpty)
        let first = onRule.min { $0.detectedAt < $1.detectedAt }
        let incidentStart = Date(timeIntervalSince1970: 1_763_596_800 + 7_800)
        #expect(
            first.map { $0.detectedAt >= incidentStart && $0.detectedAt <= incidentStart.addingTimeInterval(1_200) }
                == true)
    }
}
