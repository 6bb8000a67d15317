import Foundation
import RapportCore

/// Rapport's web-chat widget message (see docs/formats.md):
///
/// ```json
/// {"session_id": "s-1", "message_id": "m-1",
///  "visitor": {"id": "v-1", "name": "Ana", "email": "ana@example.org"},
///  "text": "Hello", "sent_at": "2026-11-20T08:00:00Z"}
/// ```
///
/// `visitor.email` and `visitor.name` are optional. `sent_at` is ISO 8601 or Unix seconds.
/// Becomes network `webchat`, kind `chat`, origin `owned`; the session is the thread.
public enum WebChatMessage {
    static func decode(_ json: JSONNode) throws(FormatError) -> IncomingPost {
        guard json.isObject else { throw .wrongType("(message)", expected: "an object") }
        let session = try json.requiredString("session_id", in: "")
        let id = try json.requiredString("message_id", in: "")
        let visitor = try json.requiredObject("visitor", in: "")
        let visitorID = try visitor.requiredString("id", in: "visitor")
        let name = try visitor.optionalString("name", in: "visitor")
        let email = try visitor.optionalString("email", in: "visitor")?.lowercased()
        let text = try json.requiredString("text", in: "")
        let author = Author(
            network: .webchat, externalID: visitorID, handle: email ?? name ?? visitorID, displayName: name)
        return IncomingPost(
            network: .webchat, externalID: id, author: author, text: text,
            createdAt: try RapportTime.required("sent_at", in: json), kind: .chat, origin: .owned, threadID: session)
    }
}
