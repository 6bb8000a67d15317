import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Crash safety", .timeLimit(.minutes(10)))
struct CrashTests {
    @Test(
        "kill -9 in the middle of deliveries never loses an acknowledged post",
        .enabled(if: FileManager.default.isExecutableFile(atPath: rapportExecutable)))
    func killNine() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-crash-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dbPath = dir.appendingPathComponent("rapport.db").path
        let port = Int.random(in: 20_000...40_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: rapportExecutable)
        server.arguments = ["serve", "--database", dbPath, "--port", String(port)]
        server.environment = ProcessInfo.processInfo.environment.merging(["RAPPORT_API_TOKEN": "crash-token"]) { $1 }
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        try await waitForHealth(port: port)

        let acknowledged = Acks()
        let workers = (0..<4).map { worker in
            Task {
                var n = 0
                while !Task.isCancelled {
                    n += 1
                    let id = "w\(worker)-\(n)"
                    let body =
                        #"{"session_id":"s\#(worker)","message_id":"\#(id)","visitor":{"id":"v\#(worker)","name":"Visitor"},"text":"hello \#(id)","sent_at":"2026-11-20T08:15:02Z"}"#
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/ingest/webchat")
                    request.method = .POST
                    request.headers.add(name: "Authorization", value: "Bearer crash-token")
                    request.body = .bytes(ByteBuffer(string: body))
                    guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(30)) else {
                        return
                    }
                    _ = try? await response.body.collect(upTo: 1 << 16)
                    if response.status == .ok { await acknowledged.add(id) }
                }
            }
        }
        #expect(try await eventually(timeout: .seconds(120)) { await acknowledged.count >= 150 })
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        for w in workers { w.cancel() }
        for w in workers { _ = await w.value }

        let database = try await Database.open(.sqlite(path: dbPath), logger: Logger(label: "crash"))
        let stored = Set(
            try await MentionStore(database: database).mentions(afterID: 0, limit: 1_000_000).map(\.post.externalID))
        await database.close()
        let acked = await acknowledged.ids
        #expect(acked.count >= 150)
        #expect(acked.subtracting(stored).isEmpty, "acknowledged but lost: \(acked.subtracting(stored).sorted())")
    }

    private func waitForHealth(port: Int) async throws {
        let started = try await eventually(every: .milliseconds(50)) {
            let response = try? await HTTPClient.shared.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/health"), timeout: .seconds(5))
            return response?.status == .ok
        }
        if !started { Issue.record("server did not start") }
    }
}

private actor Acks {
    private(set) var ids = Set<String>()
    func add(_ id: String) { ids.insert(id) }
    var count: Int { ids.count }
}
