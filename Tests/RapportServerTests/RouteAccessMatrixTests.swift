import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Who may call what: every route the router serves (pages and the JSON API) has an entry here, and the test calls
/// each one as nobody, as each role (a session for pages, a personal token for the API) and, on the API, as a machine
/// token of each scope. A route added without an entry fails, and so does one whose access changed.
///
/// Calls use ids that do not exist (`999999`) and empty bodies, so an allowed call answers 400, 404 or 422 and
/// changes nothing; what is checked is only "refused (401/403) or not". Live streams are called only by those who
/// must be refused (an allowed call would not end).
///
/// What each entry pins: every route but the open ones refuses an anonymous caller; on the API, a machine token
/// outside the route's scope gets 403 (checked before any handler runs); and the lowest role let through, for reads
/// and changes alike: every handler checks the role before it reads its input, so an empty body from a role too low
/// is refused (403) while one from a role high enough is refused for its content (400, 404, 422).
@Suite("Route × role × scope matrix")
struct RouteAccessMatrixTests {
    /// Who may call a route.
    enum Access: Equatable, CustomStringConvertible {
        /// Anyone, signed in or not (sign-in, health, public pages, signed webhooks, static files).
        case open
        /// Users of at least this role; for API routes, machine tokens with `scope`.
        case user(Role?, scope: TokenScope?)

        var description: String {
            switch self {
            case .open: ".open"
            case .user(let role, let scope):
                ".user(\(role.map { ".\($0)" } ?? "nil"), scope: \(scope.map { ".\($0)" } ?? "nil"))"
            }
        }
    }

    /// Routes whose answer is a live stream.
    static let streams: Set<String> = [
        "GET /api/v1/stream", "GET /inbox/events", "GET /dashboard/events", "GET /inbox/alerts/events",
        "GET /conversations/{}/presence",
    ]

    /// Open routes that check their own proof instead of a user (a signature, a sign-in form's token): they refuse
    /// a bare call whoever makes it, and have tests of their own.
    static let selfChecked: Set<String> = [
        "POST /login",
        // The community (#16): a member's own session (not a desk user's) is the proof; desk roles do not apply, and
        // these refuse (401) or redirect to the community sign-in whoever calls without one (CommunityRouteTests).
        "GET /community", "GET /community/ideas/new", "POST /community/ideas", "POST /community/ideas/{}/vote",
        "POST /community/ideas/{}/comments", "POST /community/signout", "POST /community/account/delete",
        "GET /community/questions/new", "POST /community/questions", "POST /community/questions/{}/answers",
        "POST /community/answers/{}/accept", "POST /community/answers/{}/vote", "POST /community/posts/{}/report",
        "GET /community/superfans/new", "POST /community/superfans",
    ]
    /// Ends the caller's session: probed by its own tests, not here (the sessions must live through the run).
    static let skipped: Set<String> = ["POST /logout"]

    /// Every route. Regenerate a line from the test's failure message ("observed") only after checking that the
    /// change of access is intended.
    static let matrix: [String: Access] = [
        "DELETE /api/v1/canned-replies/{}": .user(.supervisor, scope: .admin),
        "DELETE /api/v1/routing-rules/{}": .user(.admin, scope: .admin),
        "DELETE /api/v1/rules/{}": .user(.admin, scope: .rules),
        "DELETE /api/v1/tokens/{}": .user(.analyst, scope: .admin),
        "GET /": .user(.analyst, scope: nil),
        "GET /account": .user(.analyst, scope: nil),
        // The brand account inventory (issue #17 item 1): supervisors read, admins change.
        "GET /admin/accounts": .user(.supervisor, scope: nil),
        "POST /admin/accounts": .user(.admin, scope: nil),
        "POST /admin/accounts/review": .user(.admin, scope: nil),
        "POST /admin/accounts/{}/delete": .user(.admin, scope: nil),
        "GET /api/v1/brand-accounts": .user(.supervisor, scope: .admin),
        "POST /api/v1/brand-accounts": .user(.admin, scope: .admin),
        "GET /api/v1/brand-accounts/discovered": .user(.admin, scope: .admin),
        "POST /api/v1/brand-accounts/discovered/review": .user(.admin, scope: .admin),
        "PATCH /api/v1/brand-accounts/{}": .user(.admin, scope: .admin),
        "DELETE /api/v1/brand-accounts/{}": .user(.admin, scope: .admin),
        "GET /admin/audit": .user(.admin, scope: nil),
        "GET /announcements": .user(.analyst, scope: nil),
        "GET /announcements/banner": .user(.analyst, scope: nil),
        "GET /admin/channels": .user(.admin, scope: nil),
        "GET /admin/desk": .user(.supervisor, scope: nil),
        "GET /admin/rules": .user(.admin, scope: nil),
        "GET /admin/users": .user(.admin, scope: nil),
        "GET /api/v1/admin/retention": .user(.admin, scope: .admin),
        "GET /api/v1/admin/team-scope": .user(.admin, scope: .admin),
        "GET /api/v1/alerts": .user(.analyst, scope: .admin),
        "GET /api/v1/announcements": .user(.analyst, scope: .admin),
        "GET /api/v1/announcements/{}": .user(.analyst, scope: .admin),
        "GET /api/v1/alerts/{}": .user(.analyst, scope: .admin),
        "GET /api/v1/analytics/dashboard": .user(.analyst, scope: .admin),
        "GET /api/v1/analytics/revenue": .user(.analyst, scope: .admin),
        "GET /api/v1/audit": .user(.admin, scope: .admin),
        "GET /api/v1/canned-replies": .user(.agent, scope: .admin),
        "GET /api/v1/channels": .user(.supervisor, scope: .admin),
        "GET /api/v1/conversations": .user(.analyst, scope: .admin),
        "GET /api/v1/conversations/{}": .user(.analyst, scope: .admin),
        "GET /api/v1/customers": .user(.analyst, scope: .admin),
        "GET /api/v1/customers/{}": .user(.analyst, scope: .admin),
        "GET /api/v1/customers/{}/claims": .user(.agent, scope: .admin),
        "GET /api/v1/customers/{}/export": .user(.admin, scope: .admin),
        "GET /api/v1/customers/{}/orders": .user(.analyst, scope: .admin),
        "GET /api/v1/customers/{}/surveys": .user(.analyst, scope: .admin),
        "GET /api/v1/digest": .user(.analyst, scope: .admin),
        "GET /api/v1/mentions": .user(.analyst, scope: .read),
        "GET /api/v1/mentions/{}": .user(.analyst, scope: .read),
        "GET /api/v1/notifications": .user(.analyst, scope: .admin),
        "GET /api/v1/routing-rules": .user(.supervisor, scope: .admin),
        "GET /api/v1/rules": .user(.analyst, scope: .rules),
        "GET /api/v1/rules/{}": .user(.analyst, scope: .rules),
        "GET /api/v1/sla-policies": .user(.analyst, scope: .admin),
        "GET /api/v1/stats": .user(.analyst, scope: .read),
        "GET /api/v1/stream": .user(.analyst, scope: .read),
        "GET /api/v1/teams": .user(.analyst, scope: .admin),
        "GET /api/v1/tokens": .user(.analyst, scope: .admin),
        "GET /api/v1/users": .user(.supervisor, scope: .admin),
        "GET /conversations/{}": .user(.analyst, scope: nil),
        "GET /conversations/{}/presence": .user(.analyst, scope: nil),
        "GET /customers": .user(.analyst, scope: nil),
        "GET /customers/{}": .user(.analyst, scope: nil),
        "GET /dashboard": .user(.analyst, scope: nil),
        "GET /dashboard.csv": .user(.analyst, scope: nil),
        "GET /dashboard/alerts": .user(.analyst, scope: nil),
        "GET /dashboard/events": .user(.analyst, scope: nil),
        "GET /health": .open,
        "GET /inbox": .user(.analyst, scope: nil),
        "GET /inbox/alerts": .user(.analyst, scope: nil),
        "GET /inbox/alerts/events": .user(.analyst, scope: nil),
        "GET /inbox/events": .user(.analyst, scope: nil),
        "GET /insight/revenue": .user(.analyst, scope: nil),
        "GET /login": .open,
        "GET /mentions": .user(.analyst, scope: nil),
        "GET /mentions.csv": .user(.analyst, scope: nil),
        "GET /metrics": .open,
        "GET /notifications": .user(.analyst, scope: nil),
        "GET /survey/{}": .open,
        "GET /survey/{}/share/{}": .open,
        "GET /surveys": .user(.analyst, scope: nil),
        "GET /webhooks/meta": .open,
        "PATCH /api/v1/conversations/{}": .user(.agent, scope: .admin),
        "PATCH /api/v1/teams/{}": .user(.admin, scope: .admin),
        "PATCH /api/v1/users/{}": .user(.agent, scope: .admin),
        "POST /account/password": .user(.analyst, scope: nil),
        "POST /account/tokens": .user(.analyst, scope: nil),
        "POST /account/tokens/{}/revoke": .user(.analyst, scope: nil),
        "POST /admin/canned-replies": .user(.supervisor, scope: nil),
        "POST /announcements": .user(.supervisor, scope: nil),
        "POST /announcements/{}/acknowledge": .user(.analyst, scope: nil),
        "POST /announcements/{}/resolve": .user(.supervisor, scope: nil),
        "POST /admin/canned-replies/{}/delete": .user(.supervisor, scope: nil),
        "POST /admin/channels/{}": .user(.admin, scope: nil),
        "POST /admin/people/{}": .user(.agent, scope: nil),
        "POST /admin/retention": .user(.admin, scope: nil),
        "POST /admin/routing-rules": .user(.admin, scope: nil),
        "POST /admin/routing-rules/{}/delete": .user(.admin, scope: nil),
        "POST /admin/rules": .user(.admin, scope: nil),
        "POST /admin/rules/{}/delete": .user(.admin, scope: nil),
        "POST /admin/sla-policies": .user(.admin, scope: nil),
        "POST /admin/team-scope": .user(.admin, scope: nil),
        "POST /admin/teams": .user(.admin, scope: nil),
        "POST /admin/teams/{}": .user(.admin, scope: nil),
        "POST /admin/users": .user(.admin, scope: nil),
        "POST /admin/users/{}/disable": .user(.admin, scope: nil),
        "POST /admin/users/{}/enable": .user(.admin, scope: nil),
        "POST /admin/users/{}/reset-password": .user(.admin, scope: nil),
        "POST /admin/users/{}/role": .user(.admin, scope: nil),
        "POST /api/v1/alerts/{}/acknowledge": .user(.agent, scope: .admin),
        "POST /api/v1/announcements": .user(.supervisor, scope: .admin),
        "POST /api/v1/announcements/{}/acknowledge": .user(.analyst, scope: .admin),
        "POST /api/v1/announcements/{}/resolve": .user(.supervisor, scope: .admin),
        "POST /api/v1/alerts/{}/assign": .user(.agent, scope: .admin),
        "POST /api/v1/alerts/{}/resolve": .user(.agent, scope: .admin),
        "POST /api/v1/canned-replies": .user(.supervisor, scope: .admin),
        "POST /api/v1/claims/{}/confirm": .user(.agent, scope: .admin),
        "POST /api/v1/claims/{}/dismiss": .user(.agent, scope: .admin),
        "POST /api/v1/conversations/{}/merge": .user(.agent, scope: .admin),
        "POST /api/v1/conversations/{}/move-private": .user(.agent, scope: .admin),
        "POST /api/v1/conversations/{}/notes": .user(.agent, scope: .admin),
        "POST /api/v1/conversations/{}/replies": .user(.agent, scope: .admin),
        "POST /api/v1/conversations/{}/split": .user(.agent, scope: .admin),
        "POST /api/v1/customers/merges/{}/undo": .user(.supervisor, scope: .admin),
        "POST /api/v1/customers/{}/consent": .user(.agent, scope: .admin),
        "POST /api/v1/customers/{}/erase": .user(.admin, scope: .admin),
        "POST /api/v1/customers/{}/facts": .user(.supervisor, scope: .admin),
        "POST /api/v1/customers/{}/merge": .user(.supervisor, scope: .admin),
        "POST /api/v1/customers/{}/orders": .user(.supervisor, scope: .admin),
        "POST /api/v1/ingest/{}": .user(.agent, scope: .ingest),
        "POST /api/v1/notifications/read": .user(.analyst, scope: .admin),
        "POST /api/v1/routing-rules": .user(.admin, scope: .admin),
        "POST /api/v1/rules": .user(.admin, scope: .rules),
        "POST /api/v1/rules/validate": .user(.analyst, scope: .rules),
        "POST /api/v1/sla-policies": .user(.admin, scope: .admin),
        "POST /api/v1/surveys": .user(.agent, scope: .admin),
        "POST /api/v1/teams": .user(.admin, scope: .admin),
        "POST /api/v1/tokens": .user(.analyst, scope: .admin),
        "POST /api/v1/users": .user(.admin, scope: .admin),
        "POST /api/v1/users/{}/disable": .user(.admin, scope: .admin),
        "POST /api/v1/users/{}/enable": .user(.admin, scope: .admin),
        "POST /api/v1/users/{}/reset-password": .user(.admin, scope: .admin),
        "POST /conversations/{}/assign": .user(.agent, scope: nil),
        "POST /conversations/{}/merge": .user(.agent, scope: nil),
        "POST /conversations/{}/move-private": .user(.agent, scope: nil),
        "POST /conversations/{}/note": .user(.agent, scope: nil),
        "POST /conversations/{}/priority": .user(.agent, scope: nil),
        "POST /conversations/{}/reply": .user(.agent, scope: nil),
        "POST /conversations/{}/split": .user(.agent, scope: nil),
        "POST /conversations/{}/status": .user(.agent, scope: nil),
        "POST /conversations/{}/typing": .user(.agent, scope: nil),
        "POST /customers/merges/{}/undo": .user(.supervisor, scope: nil),
        "POST /customers/{}/consent": .user(.agent, scope: nil),
        "POST /customers/{}/merge": .user(.supervisor, scope: nil),
        "POST /customers/{}/tags": .user(.agent, scope: nil),
        "POST /dashboard/alerts/{}/acknowledge": .user(.agent, scope: nil),
        "POST /dashboard/alerts/{}/resolve": .user(.agent, scope: nil),
        "POST /inbox/alerts/{}/acknowledge": .user(.agent, scope: nil),
        "POST /inbox/alerts/{}/assign": .user(.agent, scope: nil),
        "POST /inbox/alerts/{}/resolve": .user(.agent, scope: nil),
        "POST /login": .open,
        "POST /logout": .user(nil, scope: nil),
        "POST /notifications/read": .user(.analyst, scope: nil),
        "POST /survey/{}": .open,
        "POST /webhooks/meta": .open,
        "PUT /api/v1/admin/retention": .user(.admin, scope: .admin),
        "PUT /api/v1/admin/team-scope": .user(.admin, scope: .admin),
        "PUT /api/v1/channels/{}": .user(.admin, scope: .admin),
        "PUT /api/v1/customers/{}/tags": .user(.agent, scope: .admin),
        "PUT /api/v1/rules/{}": .user(.admin, scope: .rules),
        // The community (issue #16): public pages and member forms (member session, see selfChecked); moderation and
        // status for supervisors; the product team's ranking for every desk user.
        "GET /api/v1/community/ideas": .user(.analyst, scope: .admin),
        "GET /api/v1/community/moderation": .user(.supervisor, scope: .admin),
        "POST /api/v1/community/ideas/{}/status": .user(.supervisor, scope: .admin),
        "POST /api/v1/community/members/{}/block": .user(.supervisor, scope: .admin),
        "POST /api/v1/community/moderation/{}/approve": .user(.supervisor, scope: .admin),
        "POST /api/v1/community/moderation/{}/reject": .user(.supervisor, scope: .admin),
        "POST /api/v1/community/moderation/{}/edit": .user(.supervisor, scope: .admin),
        "POST /community/moderation/{}/edit": .user(.supervisor, scope: nil),
        "GET /community": .open,
        "GET /community/ideas": .open,
        "GET /community/ideas/new": .open,
        "GET /community/ideas/{}": .open,
        "GET /community/members/{}": .open,
        "GET /community/signin": .open,
        "GET /community/signin/{}": .open,
        "POST /community/signin": .open,
        "POST /community/ideas": .open,
        "POST /community/ideas/{}/vote": .open,
        "POST /community/ideas/{}/comments": .open,
        "POST /community/signout": .open,
        "POST /community/account/delete": .open,
        "GET /community/questions": .open,
        "GET /community/questions/new": .open,
        "GET /community/questions/{}": .open,
        "POST /community/questions": .open,
        "POST /community/questions/{}/answers": .open,
        "POST /community/answers/{}/accept": .open,
        "POST /community/answers/{}/vote": .open,
        "POST /community/posts/{}/report": .open,
        "GET /community/superfans": .open,
        "GET /community/superfans/new": .open,
        "POST /community/superfans": .open,
        "GET /community/moderation": .user(.supervisor, scope: nil),
        "POST /community/moderation/members/{}/block": .user(.supervisor, scope: nil),
        "POST /community/moderation/{}/approve": .user(.supervisor, scope: nil),
        "POST /community/moderation/{}/reject": .user(.supervisor, scope: nil),
        // The knowledge base (issue #15): agents read and insert, supervisors write; the help center is public.
        "GET /api/v1/kb/articles": .user(.agent, scope: .admin),
        "POST /api/v1/kb/articles": .user(.supervisor, scope: .admin),
        "GET /api/v1/kb/articles/{}": .user(.agent, scope: .admin),
        "PUT /api/v1/kb/articles/{}": .user(.supervisor, scope: .admin),
        "DELETE /api/v1/kb/articles/{}": .user(.supervisor, scope: .admin),
        "POST /api/v1/kb/articles/{}/uses": .user(.agent, scope: .admin),
        "GET /api/v1/kb/search": .user(.agent, scope: .admin),
        "GET /api/v1/kb/suggest": .user(.agent, scope: .admin),
        "POST /api/v1/conversations/{}/kb-draft": .user(.supervisor, scope: .admin),
        "GET /api/v1/conversations/{}/experts": .user(.agent, scope: .admin),
        "GET /conversations/{}/experts": .user(.agent, scope: nil),
        "GET /help": .open,
        "GET /help/articles/{}": .open,
        // The visitor's web chat: public; the session cookie is the only key to a transcript.
        "GET /chat": .open,
        "GET /chat/messages": .open,
        "POST /chat/messages": .open,
        "GET /kb": .user(.agent, scope: nil),
        "GET /kb/{}": .user(.agent, scope: nil),
        "POST /kb": .user(.supervisor, scope: nil),
        "POST /kb/{}": .user(.supervisor, scope: nil),
        "POST /kb/{}/delete": .user(.supervisor, scope: nil),
        "POST /kb/{}/uses": .user(.agent, scope: nil),
        "POST /conversations/{}/kb-draft": .user(.supervisor, scope: nil),
    ]

    static func key(_ method: HTTPRequest.Method, _ path: String) -> String {
        "\(method.rawValue) \(OpenAPIOperations.normalise(path))"
    }

    /// A concrete URI for a route: parameters become ids that do not exist, or a known format.
    static func uri(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            guard part.hasPrefix(":") || part.hasPrefix("{") else { return String(part) }
            switch part {
            case ":format": return "x"
            case ":network": return "x"
            default: return "999999"
            }
        }.joined(separator: "/")
    }

    @Test(
        "every route has an entry, and each caller is refused or let through as the entry says",
        arguments: TestEngine.available)
    func matrixHolds(engine: TestEngine) async throws {
        try await TestApp.withServices(engine) { config, services in
            let router = buildRouter(config, services: services)
            let routes = router.routes.map { (method: $0.method, path: $0.path.description) }
            let people = try await DeskTest.people(services)
            var tokens: [TokenScope: String] = [:]
            for scope in TokenScope.allCases {
                let token = APITokens.generate()
                _ = try await services.tokens.create(
                    name: "m-\(scope)", tokenHash: APITokens.hash(token), scopes: [scope])
                tokens[scope] = token
            }
            let machine = tokens
            let app = Application(router: router)
            try await app.test(.router) { client in
                var sessions: [Role: (cookie: String, csrf: String)] = [:]
                for role in Role.allCases {
                    sessions[role] = try await DeskTest.signIn(client, email: "\(role.rawValue)@acme.test")
                }

                func status(_ method: HTTPRequest.Method, _ path: String, as caller: Caller) async throws
                    -> HTTPResponse.Status
                {
                    var headers: HTTPFields = [:]
                    var body = ByteBuffer()
                    let api = path.hasPrefix("/api/")
                    switch caller {
                    case .nobody: break
                    case .role(let role):
                        if api {
                            headers = DeskTest.bearer(people[role]!.token)
                        } else {
                            headers[.cookie] = sessions[role]!.cookie
                        }
                        if !api, method != .get, method != .head {
                            headers[.contentType] = "application/x-www-form-urlencoded"
                            body = ByteBuffer(string: "_csrf=\(sessions[role]!.csrf)")
                        }
                    case .scope(let scope): headers = DeskTest.bearer(machine[scope]!)
                    }
                    if api, method != .get, method != .head, body.readableBytes == 0 {
                        headers[.contentType] = "application/json"
                        body = ByteBuffer(string: "{}")
                    }
                    return try await client.execute(uri: Self.uri(path), method: method, headers: headers, body: body)
                        .status
                }
                func refused(_ s: HTTPResponse.Status) -> Bool { s == .unauthorized || s == .forbidden }

                var observed: [String: Access] = [:]
                var problems: [String] = []
                for route in routes {
                    let key = Self.key(route.method, route.path)
                    if key.hasPrefix("GET /static/") || key.hasPrefix("HEAD ") { continue }
                    let api = route.path.hasPrefix("/api/")
                    let stream = Self.streams.contains(key)
                    let expected = Self.matrix[key]
                    if stream, expected == nil {
                        // An allowed call to a live stream would never end: streams are probed only against an entry.
                        problems.append("\(key): a live stream with no entry")
                        continue
                    }
                    if Self.skipped.contains(key) {
                        observed[key] = .user(nil, scope: nil)
                        if expected != observed[key] {
                            problems.append("\(key): skipped, expected .user(nil, scope: nil)")
                        }
                        continue
                    }
                    if Self.selfChecked.contains(key) || key.contains(" /webhooks/") {
                        observed[key] = .open
                        if expected != .open { problems.append("\(key): checks its own proof, expected .open") }
                        continue
                    }
                    // Nobody.
                    // Refused before any streaming starts (a stream open to anyone would hang here: a finding).
                    let anonymous = try await status(route.method, route.path, as: .nobody)
                    let anonymousRefused =
                        refused(anonymous) || (!api && anonymous == .found && route.method == .get)
                        || (!api && anonymous == .seeOther && route.method == .get)
                    if !anonymousRefused && !stream {
                        observed[key] = .open
                        if expected != .open {
                            problems.append(
                                "\(key): open to anyone (\(anonymous.code)), expected \(expected.map(\.description) ?? "no entry")"
                            )
                        }
                        continue
                    }
                    // Each role, lowest first: the role is checked before the input, so an empty body tells them apart.
                    var lowest: Role?
                    for role in Role.allCases {
                        if stream, case .user(let minimum?, _)? = expected, role >= minimum { break }
                        let s = try await status(route.method, route.path, as: .role(role))
                        if !refused(s) { lowest = role; break }
                    }
                    if stream, case .user(let minimum?, _)? = expected, lowest == nil { lowest = minimum }
                    var scope: TokenScope?
                    if api {
                        for candidate in TokenScope.allCases where candidate != .admin {
                            if stream, case .user(_, let expectedScope)? = expected, candidate == expectedScope {
                                scope = candidate; break
                            }
                            let s = try await status(route.method, route.path, as: .scope(candidate))
                            if !refused(s) { scope = candidate; break }
                        }
                        if scope == nil { scope = .admin }
                    }
                    guard let lowest else {
                        problems.append("\(key): refused to every role")
                        continue
                    }
                    observed[key] = .user(lowest, scope: scope)
                    if expected != observed[key] {
                        problems.append(
                            "\(key): \(observed[key]!), expected \(expected.map(\.description) ?? "no entry")")
                    }
                }
                let stale = Set(Self.matrix.keys).subtracting(observed.keys).sorted()
                #expect(stale.isEmpty, "entries for routes the router no longer serves: \(stale)")
                let table = observed.sorted { $0.key < $1.key }.map { "        \"\($0.key)\": \($0.value)," }
                    .joined(separator: "\n")
                #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n--- observed:\n\(table)")
            }
        }
    }

    enum Caller {
        case nobody
        case role(Role)
        case scope(TokenScope)
    }
}
