import NIOCore

/// Splits the server's byte stream into ``SMTPReply``s (RFC 5321 §4.2: `250-…` continues, `250 …` ends).
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    private var pendingLines: [String] = []

    /// Lines longer than this are not SMTP: stop rather than buffer without end.
    static let maxLineLength = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLineLength { throw SMTPError.protocolViolation("reply line too long") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard var bytes = buffer.readBytes(length: length) else { return .needMoreData }
        // Trimmed as bytes: in a Swift String "\r\n" is one Character, so suffix checks on text miss it.
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
            throw SMTPError.protocolViolation("malformed reply line \"\(String(decoding: bytes, as: UTF8.self))\"")
        }
        let isContinuation = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
        pendingLines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if isContinuation { return .continue }
        let reply = SMTPReply(code: code, lines: pendingLines)
        pendingLines = []
        context.fireChannelRead(Self.wrapInboundOut(reply))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue, buffer.readableBytes > 0 {}
        return .needMoreData
    }
}
