import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import RapportServer

/// Golden files of rendered pages under `Snapshots/`. `RAPPORT_UPDATE_SNAPSHOTS=1 swift test …` rewrites them;
/// otherwise a difference fails the test and names the first line that differs.
enum HTMLSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var updating: Bool { ProcessInfo.processInfo.environment["RAPPORT_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `html` with the golden file `name`.
    static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "no snapshot \(name): run with RAPPORT_UPDATE_SNAPSHOTS=1 to write it", sourceLocation: sourceLocation)
            return
        }
        let golden = String(decoding: data, as: UTF8.self)
        if let difference = firstDifference(golden, html) {
            Issue.record("\(name) differs from its snapshot: \(difference)", sourceLocation: sourceLocation)
        }
    }

    /// Where two texts first differ: line, column and both lines; nil when equal.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : nil
            let y = i < b.count ? String(b[i]) : nil
            guard x != y else { continue }
            guard let x, let y else {
                return "line \(i + 1): " + (x == nil ? "extra line \(y ?? "")" : "missing line \(x ?? "")")
            }
            let column = zip(x, y).prefix { $0 == $1 }.count
            func excerpt(_ s: String) -> String { String(s.dropFirst(max(0, column - 40)).prefix(120)) }
            return "line \(i + 1), column \(column + 1)\n  expected: \(excerpt(x))\n  actual:   \(excerpt(y))"
        }
        return "the texts differ (line endings?)"
    }

    /// The body of a page as `WebRenderer` serves it.
    static func render(_ renderer: WebRenderer, _ template: String, _ view: Any) async throws -> String {
        let collector = BodyCollector()
        try await renderer.html(template, view).body.write(collector)
        return collector.text
    }
}

/// Gathers a response body into a string.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    private var buffer = ByteBuffer()
    var text: String { String(buffer: buffer) }
    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
