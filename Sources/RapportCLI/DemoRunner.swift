import Foundation
import Logging
import RapportIngest
import RapportServer
import RapportSimulation
import RapportStore
import ServiceLifecycle

/// What `serve --demo` runs once the desk is up: the simulated history (written once per database; resumed or
/// skipped on a later start), the crisis detector's baseline learnt from its last week, then the live stream
/// with its incident, while the older weeks and the desk's past conversations are written in the background.
struct DemoRunner: Service {
    let services: RapportServices
    /// Posts per second asked for; a database that already has a history keeps the history's rate.
    let rate: Double
    /// When `serve` started.
    let started: Date
    let logger: Logger

    func run() async throws {
        let database = services.database
        let liveStart = started.addingTimeInterval(-DemoScenario.liveLead)
        var marker =
            try await DemoHistoryMarker.load(database)
            ?? DemoHistoryMarker(anchorMS: liveStart.millisecondsSince1970, rate: rate)
        if marker.rate != rate {
            say("The history was written at \(marker.rate) posts/s: the live stream keeps that rate.")
        }
        let history = DemoHistory(
            database: database, mentions: services.mentions, ruleBook: services.ruleBook, rate: marker.rate)
        let anchor = marker.anchor
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let week = DemoHistory.detectorDays * 86_400
        if !marker.recentWritten {
            say(elapsed() + "history: writing the last \(Int(DemoHistory.detectorDays)) days of simulated posts…")
            let counts = try await history.writeMentions(
                from: anchor.addingTimeInterval(-week), to: anchor, anchor: anchor,
                progress: { fraction in bar.update(fraction: fraction, label: "history, last week") })
            bar.finish()
            marker.recentWritten = true
            try await marker.save(database)
            say(elapsed() + "history: last week stored (\(counts.stored) mentions of \(counts.read) posts)")
        }
        if Task.isShuttingDownGracefully { return }
        // The detector learns from storage, as after `rapport ingest`: the same path on every start.
        let learnt = try await services.alerts.replay(
            services.mentions, from: liveStart.addingTimeInterval(-week), to: liveStart)
        say(
            elapsed()
                + "crisis detector: baseline learnt from the last \(Int(DemoHistory.detectorDays)) days (\(learnt) alert changes); live stream on, with an outage at Acme Mobile from \(Self.clock(liveStart))"
        )
        let written = marker
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await DemoStream(
                    pipeline: services.pipeline, rate: written.rate, start: liveStart,
                    logger: logger
                ).run()
            }
            group.addTask { try await backfill(written, history: history, bar: bar) }
            try await group.waitForAll()
        }
    }

    /// The older weeks of mentions, then the desk's past conversations.
    private func backfill(_ start: DemoHistoryMarker, history: DemoHistory, bar: ProgressBar) async throws {
        var marker = start
        let database = services.database
        let anchor = marker.anchor
        let first = anchor.addingTimeInterval(-DemoHistory.days * 86_400)
        if !marker.olderWritten {
            let counts = try await history.writeMentions(
                from: first, to: anchor.addingTimeInterval(-DemoHistory.detectorDays * 86_400), anchor: anchor,
                progress: { fraction in bar.update(fraction: fraction, label: "history, older weeks") })
            bar.finish()
            if Task.isShuttingDownGracefully { return }
            marker.olderWritten = true
            try await marker.save(database)
            say(elapsed() + "history: \(Int(DemoHistory.days)) days of mentions stored (\(counts.stored) more)")
        }
        if !marker.deskWritten {
            let counts = try await DemoDeskHistory(database: database).write(
                from: first, to: anchor,
                progress: { fraction in bar.update(fraction: fraction, label: "history, desk") })
            bar.finish()
            if Task.isShuttingDownGracefully { return }
            try await database.foldRollupJournals()
            marker.deskWritten = true
            try await marker.save(database)
            say(
                elapsed()
                    + "history: complete — \(counts.conversations) past conversations, \(counts.replies) replies, \(counts.resolved) resolved, \(counts.surveys) surveys answered"
            )
        }
    }

    private func elapsed() -> String {
        String(format: "[+%.0f s] ", Date().timeIntervalSince(started))
    }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
