/// Why an SMTP delivery failed, with what is needed to decide whether to try again.
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection could be made: nothing was sent.
    case connectionFailed(String)
    /// The server answered a command with a failure code.
    case rejected(command: String, reply: SMTPReply)
    /// The connection ended or went silent; `afterFinalDot` tells whether the message's terminating "." had
    /// been written, after which the server may have accepted the mail without us hearing so.
    case connectionLost(String, afterFinalDot: Bool)
    /// The server said something that is not SMTP.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .connectionFailed(let reason): "cannot connect: \(reason)"
        case .rejected(let command, let reply): "\(command) refused: \(reply.text)"
        case .connectionLost(let reason, _): "connection lost: \(reason)"
        case .protocolViolation(let reason): "protocol error: \(reason)"
        }
    }
}
