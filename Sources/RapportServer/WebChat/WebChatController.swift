import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import RapportFormats
import RapportStore

/// The visitor's side of web chat: `/chat` (no sign-in), where anyone can write to the brand and read the
/// agents' replies, with the help center one link away.
///
/// A random session id in an HttpOnly cookie is the visitor's only key: it reads that session's transcript and
/// nothing else. Messages go through the same ingest path as every channel (`IngestService`, format `webchat`),
/// so rules, analysis, threading and the desk treat them like any other; the thread id stored is a hash of the
/// cookie, so the database and the agents never hold the key itself.
struct WebChatController {
    let renderer: WebRenderer
    let ingest: IngestService
    let transcript: WebChatTranscript
    let attempts: SignInAttemptStore
    let secureCookies: Bool

    static let cookieName = "rapport_chat"
    static let maxText = 4_000
    static let maxName = 100
    static let maxEmail = 254
    /// Messages one client address may send per window. The window is the sign-in limiter's (15 min): the attempt
    /// table prunes every key by the window of the call, so a shorter one here would forget sign-in failures.
    static let maxPerAddress = 30
    static let window: TimeInterval = 900

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("chat", use: page)
        router.get("chat/messages", use: messages)
        router.post("chat/messages", use: send)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = Self.session(request)
        var items: [ConversationMessage] = []
        if let session { items = try await transcript.messages(thread: Self.thread(session)) }
        let view = WebChatPage.make(items, chrome: PageChrome(title: "Chat with us", page: "chat"))
        return renderer.html(.webchat, view)
    }

    struct Transcript: ResponseEncodable {
        var items: [WebChatPage.Item]
    }

    @Sendable func messages(_ request: Request, context: AppRequestContext) async throws -> Transcript {
        guard let session = Self.session(request) else { return Transcript(items: []) }
        let after = request.uri.queryParameters.get("after").flatMap { Int64($0) } ?? 0
        return Transcript(
            items: try await transcript.messages(thread: Self.thread(session), after: after).map(
                WebChatPage.Item.init))
    }

    /// The visitor's message, from the page's form or as JSON (`{"text", "name"?, "email"?}`).
    struct Message: Decodable {
        var text: String?
        var name: String?
        var email: String?
    }

    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
        let message: Message
        do {
            message =
                isJSON
                ? try await request.decode(as: Message.self, context: context)
                : try await URLEncodedFormDecoder().decode(Message.self, from: request, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "too_large", "the message is larger than the server accepts")
        } catch {
            throw APIError(.badRequest, "invalid_body", "send the fields text, and optionally name and email")
        }
        let input = try Self.validate(message)
        let address = context.clientAddress ?? "unknown"
        if let wait = try await attempts.admit(
            "chat:\(address)", limit: Self.maxPerAddress, window: Self.window)
        {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw APIError(
                .tooManyRequests, "rate_limited", "too many messages from this address; retry after \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        let existing = Self.session(request)
        let session = existing ?? Self.newSession()
        let thread = Self.thread(session)
        let payload = WebChatPayload(
            sessionID: thread, messageID: UUID().uuidString.lowercased(),
            visitor: .init(id: "visitor-" + thread.dropFirst(5).prefix(16), name: input.name, email: input.email),
            text: input.text, sentAt: Int64(Date().timeIntervalSince1970))
        _ = try await ingest.ingest(.webchat, body: Array(try JSONEncoder().encode(payload)))
        var response =
            request.headers[.accept]?.contains("application/json") == true
            ? Response(
                status: .created, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"ok":true}"#)))
            : Response.redirect(to: "/chat", type: .normal)
        if existing == nil {
            response.setCookie(
                Cookie(
                    name: Self.cookieName, value: session, maxAge: 30 * 86_400, path: "/chat", secure: secureCookies,
                    httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// Trimmed and bounded fields, or the error naming the one at fault.
    static func validate(_ message: Message) throws -> (text: String, name: String?, email: String?) {
        let text = (message.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw APIError(.badRequest, "missing_text", "write a message", field: "text") }
        guard text.count <= maxText else {
            throw APIError(
                .contentTooLarge, "text_too_long", "a message holds at most \(maxText) characters", field: "text")
        }
        let name = message.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (name?.count ?? 0) <= maxName else {
            throw APIError(.badRequest, "name_too_long", "a name holds at most \(maxName) characters", field: "name")
        }
        let email = message.email?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let email, !email.isEmpty {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard email.count <= maxEmail, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
            else { throw APIError(.badRequest, "invalid_email", "this is not an email address", field: "email") }
        }
        return (text, name?.isEmpty == false ? name : nil, email?.isEmpty == false ? email : nil)
    }

    /// The session cookie when it is one this server could have issued (32 hex digits).
    static func session(_ request: Request) -> String? {
        guard let value = request.cookies[cookieName]?.value, value.utf8.count == 32,
            value.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        else { return nil }
        return value
    }

    static func newSession() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The thread id stored for a session: a hash, so that what the desk holds cannot read the transcript.
    static func thread(_ session: String) -> String {
        "chat-" + SHA256.hash(data: Data(session.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// The `webchat` format's JSON (docs/formats.md).
private struct WebChatPayload: Encodable {
    struct Visitor: Encodable {
        var id: String
        var name: String?
        var email: String?
    }

    var sessionID: String
    var messageID: String
    var visitor: Visitor
    var text: String
    var sentAt: Int64

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id", messageID = "message_id", visitor, text, sentAt = "sent_at"
    }
}
