import Foundation
import Logging
import RapportServer
import RapportStore
import Testing

/// The `rapport` executable SwiftPM built beside the tests.
let rapportExecutable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/rapport").path

/// Runs `rapport` with `arguments`, feeding `input` on standard input.
func runRapport(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: rapportExecutable)
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

@Suite("rapport command line", .enabled(if: FileManager.default.isExecutableFile(atPath: rapportExecutable)))
struct CLITests {
    @Test("analyze: one JSON line out per line in, in order; bad lines reported; exit status says so")
    func analyze() throws {
        let input = """
            {"id": 1, "text": "@AcmeMobile three days without signal. Cancelling my contract 😡", "followers": 2400000, "verified": true}
            not json
            {"id": "b"}
            {"id": "c", "text": "Love the new plan, thank you!!", "lang": "en"}
            """
        let (status, out, _) = try runRapport(["analyze"], input: input)
        #expect(status == 1)
        let lines = out.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 4)
        let first = try #require(lines[0] ?? nil)
        #expect(first["id"] as? Int == 1)
        #expect((first["sentiment"] as? [String: Any])?["label"] as? String == "negative")
        #expect(first["level"] as? String == "urgent")
        #expect((first["reasons"] as? [String])?.isEmpty == false)
        #expect((lines[1] ?? nil)?["line"] as? Int == 2)
        #expect((lines[1] ?? nil)?["error"] != nil)
        #expect((lines[2] ?? nil)?["id"] as? String == "b")
        #expect((lines[2] ?? nil)?["error"] != nil)
        #expect(((lines[3] ?? nil)?["sentiment"] as? [String: Any])?["label"] as? String == "positive")
    }

    @Test("ingest: a summary per file, each rejected line by number, exit 1 when any was rejected")
    func ingest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-cli-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.db").path
        #expect(
            try runRapport([
                "rules", "add", "--database", db, "--name", "acme", "--brand", "acme", "--query", "acme OR @AcmeMobile",
            ]).status == 0)
        let bad = try runRapport([
            "rules", "add", "--database", db, "--name", "b", "--brand", "b", "--query", "acme AND (x",
        ])
        #expect(bad.status != 0)
        #expect(bad.err.contains("column 10"))
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RapportFormatsTests/Fixtures")
        let good = try String(contentsOf: fixtures.appendingPathComponent("x-v2-stream.ndjson"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let file = dir.appendingPathComponent("mixed.ndjson")
        try ([good[0], "{broken", good[1]].joined(separator: "\n") + "\n").write(
            to: file, atomically: true, encoding: .utf8)
        let run = try runRapport(["ingest", "--database", db, "--format", "x", file.path])
        #expect(run.status == 1)
        #expect(run.out.contains("read 3, stored 2, duplicate 0, filtered 0, skipped 0, rejected 1"))
        #expect(run.err.contains("line 2: malformed_json"))
        let again = try runRapport([
            "ingest", "--database", db, "--format", "x", fixtures.appendingPathComponent("x-v2-stream.ndjson").path,
        ])
        #expect(again.status == 0)
        #expect(again.out.contains("stored 0, duplicate 2"))
        let reanalysed = try runRapport(["reanalyze", "--database", db])
        #expect(reanalysed.status == 0)
        #expect(reanalysed.out.contains("reanalysed 2 mentions"))
    }

    @Test("ingest: an mbox streams message by message, >From unescaped, each message stored once")
    func mbox() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-mbox-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func message(_ id: Int, body: String) -> String {
            """
            From sender\(id)@example.org Fri Nov 20 09:12:44 2026
            From: Sender \(id) <sender\(id)@example.org>
            To: support@acme.example
            Subject: Order \(id)
            Date: Fri, 20 Nov 2026 09:12:44 +0000
            Message-ID: <m\(id)@example.org>

            \(body)

            """
        }
        let mbox =
            message(1, body: "Where is my order?\n>From the tracking page it looks lost.") + message(2, body: "Thanks!")
        let file = dir.appendingPathComponent("inbox.mbox")
        try mbox.write(to: file, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("r.db").path
        let run = try runRapport(["ingest", "--database", db, "--format", "mbox", file.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("read 2, stored 2"))
        let again = try runRapport(["ingest", "--database", db, "--format", "mbox", file.path])
        #expect(again.out.contains("stored 0, duplicate 2"))
    }

    @Test("rule add: `rule` names the rules command, the brand defaults to the rule's name, a bad query stores nothing")
    func ruleAddAlias() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-rule-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.db").path
        let added = try runRapport([
            "rule", "add", "--database", db, "--name", "Acme", "--query", "acme OR @AcmeMobile",
        ])
        #expect(added.status == 0, "\(added.err)")
        #expect(added.out.contains("created rule"))
        let branded = try runRapport([
            "rule", "add", "--database", db, "--name", "Rival watch", "--brand", "Rival", "--query", "rival",
            "--competitor",
        ])
        #expect(branded.status == 0, "\(branded.err)")
        let bad = try runRapport(["rule", "add", "--database", db, "--name", "broken", "--query", "acme AND (x"])
        #expect(bad.status != 0)
        #expect(bad.err.contains("column 10"))
        let list = try runRapport(["rule", "list", "--database", db])
        #expect(list.status == 0)
        let rows = list.out.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 2)
        #expect(rows.first.map { Array($0[1...2]) } == ["Acme", "Acme"])
        #expect(rows.last.map { Array($0[1...2]) } == ["Rival watch", "Rival (competitor)"])
    }
}

@Suite("rapport community", .enabled(if: FileManager.default.isExecutableFile(atPath: rapportExecutable)))
struct CLICommunityTests {
    @Test("invite prints a one-time sign-in link as the last line; opening it signs the member in, once")
    func invite() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-community-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.db").path
        let (status, out, err) = try runRapport([
            "community", "invite", "--database", db, "--email", "Dana@Example.org", "--name", "Dana Whitfield",
        ])
        #expect(status == 0, "\(err)")
        let last = try #require(out.split(separator: "\n").last.map(String.init))
        let url = try #require(URL(string: last))
        #expect(url.path.hasPrefix("/community/signin/"))
        #expect(out.contains("created member"))
        let token = url.lastPathComponent

        let bad = try runRapport(["community", "invite", "--database", db, "--email", "nope", "--name", "X"])
        #expect(bad.status != 0 && bad.err.contains("email"))

        let database = try await Database.open(.sqlite(path: db), logger: Logger(label: "test"))
        do {
            let community = CommunityServices(
                database: database, mail: nil, publicBaseURL: "http://x", logger: Logger(label: "test"))
            let signedIn = try await community.actions.signIn(token: token, address: nil)
            #expect(signedIn.member.email == "dana@example.org" && signedIn.member.displayName == "Dana Whitfield")
            #expect(try await community.members.session(tokenHash: APITokens.hash(signedIn.sessionToken)) != nil)
            await #expect(throws: DeskError.self) { _ = try await community.actions.signIn(token: token, address: nil) }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
