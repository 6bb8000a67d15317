import Foundation
import RapportStore

/// The sign-in page: the form, what was typed, and why the last attempt failed.
struct LoginPage: Sendable, Equatable {
    var chrome: PageChrome
    /// The login form's double-submit token (also set as a cookie).
    var loginToken: String
    /// Where to go after signing in (a local path).
    var next: String
    var email: String
    var error: String?
}

/// Customers found by name or handle.
struct CustomersPage: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var id: Int64
        var name: String
    }

    var chrome: PageChrome
    var q: String
    var customers: [Row]

    static func make(chrome: PageChrome, q: String, found: [(id: Int64, name: String)]) -> CustomersPage {
        CustomersPage(chrome: chrome, q: q, customers: found.map { Row(id: $0.id, name: $0.name) })
    }
}

/// Users and their roles (admins).
struct UsersPage: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var id: Int64
        var name: String
        var email: String
        var isAway: Bool
        var disabled: Bool
        /// Not oneself: an admin cannot disable their own account.
        var canDisable: Bool
        var roles: [OptionView]
    }

    /// A password just reset: shown once, on the answer to the reset.
    struct Reset: Sendable, Equatable {
        var name: String
        var temporaryPassword: String
    }

    var chrome: PageChrome
    var users: [Row]
    /// For the new user form, least rights first.
    var allRoles: [String]
    var reset: Reset? = nil

    static func make(chrome: PageChrome, users: [User], viewerID: Int64? = nil, reset: Reset? = nil) -> UsersPage {
        UsersPage(
            chrome: chrome,
            users: users.map { u in
                Row(
                    id: u.id, name: u.name, email: u.email, isAway: u.isAway, disabled: u.disabled,
                    canDisable: u.id != viewerID,
                    roles: Role.allCases.map {
                        OptionView(value: $0.rawValue, label: $0.rawValue, selected: $0 == u.role)
                    })
            }, allRoles: Role.allCases.reversed().map(\.rawValue), reset: reset)
    }
}

/// The audit log, newest first, with people's names.
struct AuditPage: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var atISO: String
        var atText: String
        var user: String
        var action: String
        var target: String
        var detail: String
        var address: String
    }

    var chrome: PageChrome
    var entries: [Entry]
    /// The filter form, filled with what was asked.
    var users: [SelectOption]
    var action: String
    var since: String
    var until: String
    var filtered: Bool

    static func make(chrome: PageChrome, entries: [AuditEntry], users: [User], query: AuditQuery, now: Date)
        -> AuditPage
    {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return AuditPage(
            chrome: chrome,
            entries: entries.map { e in
                Entry(
                    atISO: ViewFormat.iso(e.at), atText: ViewFormat.relative(e.at, now: now),
                    user: e.userID.map { names[$0] ?? "user \($0)" } ?? "—", action: e.action, target: e.target,
                    detail: e.detail, address: e.address ?? "")
            },
            users: users.sorted { $0.name < $1.name }.map {
                SelectOption(value: String($0.id), label: $0.name, selected: query.filter.userID == $0.id)
            },
            action: query.action, since: query.since, until: query.until,
            filtered: query.filter != AuditLog.Filter())
    }
}
