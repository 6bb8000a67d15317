import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Performs ``OutboundHTTPRequest``s with AsyncHTTPClient and reads the whole (bounded) answer.
///
/// It never throws: transport errors are sorted into "nothing was sent" and "outcome unknown", because only the
/// first can be retried without risking a duplicate reply.
public struct HTTPTransport: Sendable {
    public var client: HTTPClient
    /// Deadline for one exchange, connection included.
    public var timeout: TimeAmount
    /// Answers longer than this are cut: send endpoints answer with a few hundred bytes.
    public var maxResponseBytes: Int

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30), maxResponseBytes: Int = 1 << 20) {
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends the request once.
    public func perform(_ request: OutboundHTTPRequest) async -> HTTPExchange {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers {
            outgoing.headers.replaceOrAdd(name: name, value: value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            var headers: [String: String] = [:]
            for field in response.headers {
                headers[field.name.lowercased()] = field.value
            }
            return .response(
                HTTPResponseSnapshot(
                    status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
            )
        } catch {
            return Self.classify(error)
        }
    }

    /// Sorts a transport error by whether the request can have reached the platform.
    static func classify(_ error: any Error) -> HTTPExchange {
        let reason = "network error: \(error)"
        if error is NIOConnectionError {
            return .notSent(reason: reason)
        }
        if let clientError = error as? HTTPClientError {
            // These all fail before a connection carried the request.
            let beforeSending: [HTTPClientError] = [
                .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .invalidURL, .emptyHost,
                .emptyScheme, .alreadyShutdown, .httpProxyHandshakeTimeout, .socksHandshakeTimeout,
            ]
            return beforeSending.contains(clientError) ? .notSent(reason: reason) : .outcomeUnknown(reason: reason)
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return .notSent(reason: reason)
        }
        if let ioError = error as? IOError, [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH].contains(ioError.errnoCode) {
            return .notSent(reason: reason)
        }
        return .outcomeUnknown(reason: reason)
    }
}
