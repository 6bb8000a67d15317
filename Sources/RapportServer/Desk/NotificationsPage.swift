import Foundation
import RapportStore

/// The `/notifications` view model: the user's notifications, newest first, each in words and linked to its
/// conversation when it has one.
struct NotificationsPage: Sendable {
    var chrome: PageChrome
    var items: [Item]

    struct Item: Sendable {
        var text: String
        var atISO: String
        var atText: String
        var unread: Bool
        var conversationID: Int64?
        /// The note's text, for a mention; nil when there is none.
        var note: String?

        init(_ n: DeskNotification, now: Date) {
            text = NotificationsController.describe(n)
            atISO = ViewFormat.iso(n.at)
            atText = ViewFormat.relative(n.at, now: now)
            unread = n.readAt == nil
            conversationID = n.conversationID
            note = n.text.isEmpty ? nil : n.text
        }
    }

    init(chrome: PageChrome, notifications: [DeskNotification], now: Date) {
        self.chrome = chrome
        items = notifications.map { Item($0, now: now) }
    }
}
