import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport

/// Desk users, sessions and web-chat messages for route tests.
enum DeskTest {
    static let password = "correct horse battery"

    /// Creates one user per role and a personal API token for each; returns role → (user, token).
    static func people(_ services: RapportServices) async throws -> [Role: (user: User, token: String)] {
        var people: [Role: (User, String)] = [:]
        for role in Role.allCases {
            let user = try await services.desk.createUser(
                email: "\(role.rawValue)@acme.test", name: "\(role.rawValue.capitalized) Person", role: role.rawValue,
                password: password, by: nil)
            let token = APITokens.generate()
            _ = try await services.tokens.create(name: role.rawValue, tokenHash: APITokens.hash(token), userID: user.id)
            people[role] = (user, token)
        }
        return people
    }

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    /// A web-chat message (owned channel: always becomes a conversation).
    static func chat(
        _ id: String, session: String = "s-1", visitor: String = "v-1", text: String,
        sentAt: String = "2026-11-20T08:00:00Z"
    ) -> ByteBuffer {
        let escaped = String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
        return ByteBuffer(
            string:
                #"{"session_id":"\#(session)","message_id":"\#(id)","visitor":{"id":"\#(visitor)","name":"Dana Whitfield","email":"dana@example.org"},"text":\#(escaped),"sent_at":"\#(sentAt)"}"#
        )
    }

    /// Waits until the desk worker has threaded everything queued.
    static func settle(_ services: RapportServices) async throws {
        try await eventually {
            guard try await services.desk.conversations.count() > 0 else { return false }
            return try await queueIsEmpty(services)
        }
    }

    private static func queueIsEmpty(_ services: RapportServices) async throws -> Bool {
        try await ConversationIntake(database: services.database).backlog() == 0
    }

    /// Signs in through the form; returns the Cookie header value and the page's CSRF token.
    static func signIn(_ client: any TestClientProtocol, email: String, password: String = password) async throws
        -> (cookie: String, csrf: String)
    {
        let page = try await client.execute(uri: "/login", method: .get)
        let loginCookie = cookies(page.headers)
        let token = field("_csrf", in: String(buffer: page.body)) ?? ""
        let body =
            "email=\(email)&password=\(password.replacingOccurrences(of: " ", with: "+"))&_csrf=\(token)&next=/inbox"
        let response = try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: loginCookie],
            body: ByteBuffer(string: body))
        let session = cookies(response.headers)
        let inbox = try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session])
        return (session, field("_csrf", in: String(buffer: inbox.body)) ?? "")
    }

    /// `name=value; name2=value2` from a response's Set-Cookie headers (dropping cleared cookies).
    static func cookies(_ headers: HTTPFields) -> String {
        headers[values: .setCookie].compactMap { line -> String? in
            let pair = line.split(separator: ";").first.map(String.init) ?? ""
            return pair.hasSuffix("=") ? nil : pair
        }.joined(separator: "; ")
    }

    /// The value of a hidden form field.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
