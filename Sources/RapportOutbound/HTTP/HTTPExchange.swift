/// What came of performing one HTTP request.
public enum HTTPExchange: Sendable, Hashable {
    /// The platform answered (any status).
    case response(HTTPResponseSnapshot)
    /// Nothing reached the platform (no connection could be made), so trying again cannot duplicate the reply.
    case notSent(reason: String)
    /// The request may have reached the platform but no answer came back (timeout, connection dropped):
    /// the reply may or may not have been posted.
    case outcomeUnknown(reason: String)
}
