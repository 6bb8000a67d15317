import Foundation
import Hummingbird

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Behind a reverse proxy the socket peer is the proxy: this takes the client's address from the proxy's
/// `X-Forwarded-For` (or `X-Real-IP`), but only when the peer is one of `RAPPORT_TRUSTED_PROXIES`. From anyone
/// else the headers are ignored, so a client cannot choose the address the sign-in limiter and the audit log see.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trusted: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard !trusted.isEmpty else { return try await next(request, context) }
        var context = context
        context.clientAddress = Self.clientAddress(
            peer: context.clientAddress, forwardedFor: request.headers[values: .xForwardedFor],
            realIP: request.headers[.xRealIP], trusted: trusted)
        return try await next(request, context)
    }

    /// The client's address: the peer itself unless it is a trusted proxy; then the nearest address in
    /// `X-Forwarded-For` (read right to left) that is not a trusted proxy, else `X-Real-IP`, else the peer.
    /// Anything that is not an IP address is skipped.
    static func clientAddress(peer: String?, forwardedFor: [String], realIP: String?, trusted: Set<String>)
        -> String?
    {
        guard let peer, trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for hop in hops.reversed() where isIPAddress(hop) && !trusted.contains(hop) { return hop }
        if let realIP = realIP?.trimmingCharacters(in: .whitespaces), isIPAddress(realIP) { return realIP }
        return peer
    }

    /// An IPv4 or IPv6 address in its textual form.
    static func isIPAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 45 else { return false }
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
