import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import Synchronization
import Testing

/// Community members and their sessions for route tests.
enum CommunityTest {
    /// Invites `email` and opens the link: the member's Cookie header and the form token on their pages.
    static func member(
        _ client: any TestClientProtocol, _ services: RapportServices, email: String, name: String
    ) async throws -> (member: CommunityMember, cookie: String, csrf: String) {
        let invitation = try await services.community.actions.invite(email: email, name: name, address: nil)
        let path = try #require(URLComponents(string: invitation.link)?.path)
        let opened = try await client.execute(uri: path, method: .get)
        let cookie = DeskTest.cookies(opened.headers)
        let page = try await client.execute(uri: "/community/ideas", method: .get, headers: [.cookie: cookie])
        let csrf = DeskTest.field("_csrf", in: String(buffer: page.body)) ?? ""
        return (invitation.member, cookie, csrf)
    }

    static func form(
        _ client: any TestClientProtocol, _ uri: String, cookie: String, _ fields: [(String, String)]
    ) async throws -> TestResponse {
        let body = fields.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
            body: ByteBuffer(string: body))
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Posts an idea through the form; returns its id (from the redirect).
    static func postIdea(
        _ client: any TestClientProtocol, _ session: (member: CommunityMember, cookie: String, csrf: String),
        title: String, body: String
    ) async throws -> Int64 {
        let response = try await form(
            client, "/community/ideas", cookie: session.cookie,
            [("title", title), ("body", body), ("_csrf", session.csrf)])
        #expect(response.status == .seeOther)
        let location = response.headers[.location] ?? ""
        return try #require(Int64(location.replacingOccurrences(of: "/community/ideas/", with: "")))
    }
}

/// Records the community's emails instead of sending them.
final class MailRecorder: Sendable {
    struct Sent: Sendable, Equatable {
        var to: String
        var subject: String
        var text: String
    }

    private let sent = Mutex<[Sent]>([])
    var all: [Sent] { sent.withLock { $0 } }

    var mail: CommunityMail {
        CommunityMail { to, subject, text, _ in
            self.sent.withLock { $0.append(Sent(to: to, subject: subject, text: text)) }
            return nil
        }
    }
}
