import NIOCore

/// Closes the connection when ``IdleStateHandler`` reports a silent server, which ends the reply stream and so
/// turns a hung server into an error instead of a send that never returns.
final class CloseOnIdleHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = SMTPReply
    typealias InboundOut = SMTPReply

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
