import Foundation
import RapportCore

/// Meta Graph webhook bodies: `{"object": "page"|"instagram", "entry": [...]}`.
///
/// Each entry holds `changes` (Page feed, Instagram comments) and/or `messaging`
/// (Messenger, Instagram DMs). Every change and message is one item, numbered from 1 in
/// document order for failures. What becomes a post:
/// - Page `feed` changes with `verb: "add"` for a comment or a visitor post. Edits,
///   removals, hides and reactions are skipped: ingestion is idempotent, so an edit
///   could not change the stored post anyway.
/// - Instagram `comments` / `live_comments` changes.
/// - Messenger / Instagram messages with text or attachments, except echoes of the
///   Page's own sends. Deliveries, reads, reactions, postbacks and opt-ins are skipped.
enum MetaWebhookParser {
    static func parse(_ json: JSONNode) throws(FormatError) -> ParseOutcome {
        guard json.isObject else { throw .wrongType("(document)", expected: "an object") }
        let object = try json.requiredString("object", in: "")
        guard object == "page" || object == "instagram" else {
            throw FormatError(
                .unsupportedEvent, "webhook object `\(object)` is not supported (expected page or instagram)")
        }
        guard let entries = json["entry"]?.elements else {
            throw json["entry"] == nil ? .missing("entry") : .wrongType("entry", expected: "an array")
        }
        var outcome = ParseOutcome()
        var item = 0
        for (entryIndex, entry) in entries.enumerated() {
            let path = "entry[\(entryIndex)]"
            guard entry.isObject else {
                item += 1
                outcome.failures.append(
                    ItemFailure(location: .item(item), error: .wrongType(path, expected: "an object")))
                continue
            }
            let entryTime = entry["time"]?.doubleValue
            let changes = entry["changes"]?.elements.map(Array.init) ?? []
            for (i, change) in changes.enumerated() {
                item += 1
                record(&outcome, item: item) { () throws(FormatError) in
                    try MetaChange.parse(
                        change, object: object, pageID: entry["id"]?.stringValue, entryTime: entryTime,
                        path: "\(path).changes[\(i)]")
                }
            }
            let messaging = entry["messaging"]?.elements.map(Array.init) ?? []
            for (i, event) in messaging.enumerated() {
                item += 1
                record(&outcome, item: item) { () throws(FormatError) in
                    try MetaMessage.parse(
                        event, network: object == "instagram" ? .instagram : .messenger,
                        path: "\(path).messaging[\(i)]")
                }
            }
            if changes.isEmpty && messaging.isEmpty {
                // e.g. `standby` (handover protocol) or an entry we have no use for.
                item += 1
                outcome.skipped += 1
            }
        }
        return outcome
    }

    private static func record(
        _ outcome: inout ParseOutcome, item: Int, _ body: () throws(FormatError) -> IncomingPost?
    ) {
        do {
            if let post = try body() { outcome.posts.append(post) } else { outcome.skipped += 1 }
        } catch {
            outcome.failures.append(ItemFailure(location: .item(item), error: error))
        }
    }
}
