import Foundation
import RapportCore

/// One `messaging[]` event: a Messenger (or Instagram) direct message to the Page.
enum MetaMessage {
    /// Returns nil for events that are not incoming messages (echo, delivery, read,
    /// reaction, postback, optin…).
    static func parse(_ event: JSONNode, network: Network, path: String) throws(FormatError) -> IncomingPost? {
        guard event.isObject else { throw .wrongType(path, expected: "an object") }
        guard let message = try event.optionalObject("message", in: path) else { return nil }
        let messagePath = path + ".message"
        if try message.optionalBool("is_echo", in: messagePath) == true { return nil }
        if try message.optionalBool("is_deleted", in: messagePath) == true { return nil }

        let mid = try message.requiredString("mid", in: messagePath)
        let senderID = try event.requiredObject("sender", in: path).requiredString("id", in: path + ".sender")
        var text = try message.optionalString("text", in: messagePath) ?? ""
        if text.isEmpty {
            // Attachment-only messages still matter to an agent; describe what came.
            let kinds = try message.optionalArray("attachments", in: messagePath).compactMap { $0["type"]?.stringValue }
            text = kinds.map { "[\($0)]" }.joined(separator: " ")
        }
        guard let millis = event["timestamp"]?.doubleValue else { throw .missing(path + ".timestamp") }
        let replyTo = try message.optionalObject("reply_to", in: messagePath)?.optionalString("mid", in: messagePath)
        return IncomingPost(
            network: network, externalID: mid, author: Author(network: network, externalID: senderID, handle: senderID),
            text: text, createdAt: DateParsing.unix(millis), kind: .directMessage, origin: .owned,
            inReplyToID: replyTo, threadID: senderID)
    }
}
