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
        case "bluesky":
            guard let reference = blueskyReference(item) else { return nil }
            target = .bluesky(parent: reference.parent, root: reference.root)
        case "webchat":
            target = .webchat(sessionID: item.threadID ?? item.recipient)
        default:
            return nil
        }
        return OutboundMessage(idempotencyKey: key, target: target, text: item.text, isPrivate: item.isPrivate)
    }

    /// The strong references a Bluesky reply cites: the post answered, and its thread's root, which is the
    /// post itself when it starts the thread. Nil when a content id is missing (a post stored before ingest
    /// kept them): a reply citing a wrong root would land outside the customer's thread.
    static func blueskyReference(_ item: OutboxItem) -> (parent: BlueskyPostRef, root: BlueskyPostRef)? {
        guard let uri = item.inReplyToExternalID, let cid = item.inReplyToContentID else { return nil }
        let parent = BlueskyPostRef(uri: uri, cid: cid)
        guard let rootURI = item.threadID, rootURI != uri else { return (parent, parent) }
        guard let rootCID = item.threadRootContentID else { return nil }
        return (parent, BlueskyPostRef(uri: rootURI, cid: rootCID))
    }
}
