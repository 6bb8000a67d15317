import NIOCore

/// The SMTP relay replies are handed to.
///
/// The client speaks plain SMTP without STARTTLS, so it is meant for a relay on the same host or private
/// network (a local Postfix, a mail sidecar) that does TLS and DKIM onward. Credentials, if set, are sent with
/// AUTH PLAIN in clear text over that hop.
public struct SMTPConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The brand address replies come from (`From` and `MAIL FROM`).
    public var from: EmailAddress
    /// The name given in EHLO; the sender's domain when not set.
    public var heloName: String?
    /// User name and password for AUTH PLAIN, when the relay asks for them.
    public var credentials: (username: String, password: String)?
    /// Longest silence accepted from the server before the attempt is abandoned.
    public var timeout: TimeAmount

    public init(
        host: String, port: Int = 25, from: EmailAddress, heloName: String? = nil,
        credentials: (username: String, password: String)? = nil, timeout: TimeAmount = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.heloName = heloName
        self.credentials = credentials
        self.timeout = timeout
    }
}
