import Foundation
import RapportOutbound
import RapportStore

/// Turns an outbox row into the connector's message: which platform id the reply answers.
enum OutboundMapping {
    /// Nil when the network has no send side (Reddit, feeds, logged calls): answered by hand.
    static func message(_ item: OutboxItem) -> OutboundMessage? {
        let key = "outbox-\(item.id)"
        let answered = item.inReplyToExternalID
        let target: ReplyTarget
        switch item.network {
        case "x":
            guard let answered else { return nil }
            target = .x(tweetID: answered, authorID: item.recipient)
        case "facebook":
            guard let answered else { return nil }
            target = .facebook(commentID: answered)
        case "instagram":
            guard let answered else { return nil }
            target = .instagram(commentID: answered)
        case "messenger":
            target = .messenger(psid: item.recipient)
        case "mastodon":
            guard let answered else { return nil }
            target = .mastodon(statusID: answered, authorAccount: item.recipientHandle)
        case "email":
            let references = [item.threadID, answered].compactMap { $0 }
            target = .email(
                EmailReplyTarget(
                    recipient: EmailAddress(item.recipientHandle), subject: item.subject ?? "Your message",
                    inReplyTo: answered, references: Array(NSOrderedSet(array: references)) as? [String] ?? references))
        case "webchat":
            target = .webchat(sessionID: item.threadID ?? item.recipient)
        default:
            // Bluesky replies need the parent's and root's content ids (CIDs), which ingest does not keep yet.
            return nil
        }
        return OutboundMessage(idempotencyKey: key, target: target, text: item.text, isPrivate: item.isPrivate)
    }
}
