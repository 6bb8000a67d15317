import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RapportCore
import RapportFormats
import ServiceLifecycle

/// Polls an RSS/Atom feed, using ETag / Last-Modified so unchanged feeds cost nothing.
/// Items already stored are recognised by their ids (idempotent ingest).
public struct FeedPoller: Service {
    public let url: String
    public let interval: Duration
    let submit: FileIngestor.Submit
    let logger: Logger
    let maxBytes: Int

    public init(
        url: String, interval: Duration = .seconds(300), maxBytes: Int = 10 << 20, logger: Logger,
        submit: @escaping FileIngestor.Submit
    ) {
        self.url = url
        self.interval = interval
        self.maxBytes = maxBytes
        self.logger = logger
        self.submit = submit
    }

    /// Validators remembered between polls.
    public struct Validators: Sendable, Hashable {
        public var etag: String?
        public var lastModified: String?
        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    public func run() async throws {
        var validators = Validators()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                validators = try await pollOnce(validators).validators
            } catch is CancellationError {
                return
            } catch {
                logger.warning("feed \(url) failed: \(error)")
            }
            guard await pause(for: interval) else { return }
        }
    }

    /// One poll: returns the new validators and the receipt (nil when unchanged).
    public func pollOnce(_ validators: Validators = Validators()) async throws -> (
        validators: Validators, receipt: IngestReceipt?
    ) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/xml;q=0.9")
        if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lm = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: lm) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        if response.status == .notModified { return (validators, nil) }
        guard response.status == .ok else {
            throw FormatError(.unsupportedEvent, "feed answered HTTP \(response.status.code)")
        }
        let body = try await response.body.collect(upTo: maxBytes)
        let outcome = try PayloadParser.parse(.feed, Array(buffer: body))
        for failure in outcome.failures { logger.warning("feed \(url): \(failure)") }
        let receipt = try await submit(outcome.posts, PayloadFormat.feed.rawValue, outcome.failures.count)
        return (
            Validators(
                etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified")),
            receipt
        )
    }
}
