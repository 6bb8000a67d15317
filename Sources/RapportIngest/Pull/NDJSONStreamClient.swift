import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RapportCore
import RapportFormats
import ServiceLifecycle

/// Follows a long-lived NDJSON HTTP response (X API v2 filtered stream and the like),
/// reconnecting with backoff when it ends or fails.
public struct NDJSONStreamClient: Service {
    public let url: String
    public let format: PayloadFormat
    public let headers: [(String, String)]
    let submit: FileIngestor.Submit
    let logger: Logger

    public init(
        url: String, format: PayloadFormat = .x, headers: [(String, String)] = [], logger: Logger,
        submit: @escaping FileIngestor.Submit
    ) {
        self.url = url
        self.format = format
        self.headers = headers
        self.logger = logger
        self.submit = submit
    }

    public func run() async throws {
        await Backoff.reconnecting("stream \(url)", logger: logger) { try await followOnce() }
    }

    /// Reads the stream until it ends; returns the number of posts submitted.
    @discardableResult
    public func followOnce() async throws -> Int {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .hours(24))
        guard response.status == .ok else {
            throw FormatError(.unsupportedEvent, "stream answered HTTP \(response.status.code)")
        }
        var batcher = LineBatcher(format: format)
        var total = 0
        func deliver(_ parsed: (posts: [IncomingPost], failures: [FormatError])) async throws {
            for failure in parsed.failures { logger.warning("stream \(url): \(failure)") }
            if !parsed.posts.isEmpty || !parsed.failures.isEmpty {
                _ = try await submit(parsed.posts, format.rawValue, parsed.failures.count)
                total += parsed.posts.count
            }
        }
        for try await chunk in response.body.cancelOnGracefulShutdown() {
            try await deliver(batcher.feed(chunk.readableBytesView))
        }
        try await deliver(batcher.finish())
        return total
    }
}
