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
@Suite("Route × role × scope matrix")
struct RouteAccessMatrixTests {
    /// Who may call a route.
    enum Access: Equatable, CustomStringConvertible {
        /// Anyone, signed in or not (sign-in, health, public pages, signed webhooks, static files).
        case open
        /// Users of at least this role; for API routes, machine tokens with `scope`.
        case user(Role, scope: TokenScope?)

        var description: String {
            switch self {
            case .open: ".open"
            case .user(let role, let scope): ".user(.\(role)" + (scope.map { ", scope: .\($0)" } ?? ", scope: nil") + ")"
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
    static let selfChecked: Set<String> = ["POST /login"]

    static let matrix: [String: Access] = [:]

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

    @Test("every route has an entry, and each caller is refused or let through as the entry says", arguments: TestEngine.available)
    func matrixHolds(engine: TestEngine) async throws {
        try await TestApp.withServices(engine) { config, services in
            let router = buildRouter(config, services: services)
            let routes = router.routes.map { (method: $0.method, path: $0.path.description) }
            let people = try await DeskTest.people(services)
            var machine: [TokenScope: String] = [:]
            for scope in TokenScope.allCases {
                let token = APITokens.generate()
                _ = try await services.tokens.create(name: "m-\(scope)", tokenHash: APITokens.hash(token), scopes: [scope])
                machine[scope] = token
            }
            let app = Application(router: router)
            try await app.test(.router) { client in
                var sessions: [Role: (cookie: String, csrf: String)] = [:]
                for role in Role.allCases { sessions[role] = try await DeskTest.signIn(client, email: "\(role.rawValue)@acme.test") }

                func status(_ method: HTTPRequest.Method, _ path: String, as caller: Caller) async throws -> HTTPResponse.Status {
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
                    return try await client.execute(uri: Self.uri(path), method: method, headers: headers, body: body).status
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
                    if Self.selfChecked.contains(key) || key.contains(" /webhooks/") {
                        observed[key] = .open
                        if expected != .open { problems.append("\(key): checks its own proof, expected .open") }
                        continue
                    }
                    // Nobody.
                    let anonymous = stream && expected != .open ? HTTPResponse.Status.unauthorized : try await status(route.method, route.path, as: .nobody)
                    let anonymousRefused = refused(anonymous) || (!api && anonymous == .found && route.method == .get)
                        || (!api && anonymous == .seeOther && route.method == .get)
                    if !anonymousRefused && !stream {
                        observed[key] = .open
                        if expected != .open { problems.append("\(key): open to anyone (\(anonymous.code)), expected \(expected.map(\.description) ?? "no entry")") }
                        continue
                    }
                    // Each role, lowest first.
                    var lowest: Role?
                    for role in Role.allCases {
                        if stream, case .user(let minimum, _)? = expected, role >= minimum { break }
                        let s = try await status(route.method, route.path, as: .role(role))
                        if !refused(s) { lowest = role; break }
                    }
                    if stream, case .user(let minimum, _)? = expected, lowest == nil { lowest = minimum }
                    var scope: TokenScope?
                    if api {
                        for candidate in TokenScope.allCases where candidate != .admin {
                            if stream, case .user(_, let expectedScope)? = expected, candidate == expectedScope { scope = candidate; break }
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
                        problems.append("\(key): \(observed[key]!), expected \(expected.map(\.description) ?? "no entry")")
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
