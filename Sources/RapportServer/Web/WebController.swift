import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore
import RapportDesk
import RapportIngest
import RapportStore

/// The desk's web application: sign-in, inbox, conversation, customer and admin pages.
/// Handlers stay thin: they check the role, call a store, and render a template.
struct WebController {
    let renderer: WebRenderer
    let desk: DeskServices
    let limiter: SignInLimiter
    let secureCookies: Bool
    let admin: AdminController
    var presence: Presence { desk.presence }
    var actions: DeskActions { desk.actions }

    static let loginCookie = "rapport_login"
    static let sessionLifetime: TimeInterval = 12 * 3_600

    func addRoutes(to router: Hummingbird.Router<AppRequestContext>) {
        router.get("static/:name", use: asset)
        router.get("login", use: loginPage)
        router.post("login", use: login)
        let pages = router.group().add(middleware: SessionMiddleware(desk: desk))
        pages.get("/", use: { _, _ in Response.redirect(to: "/inbox") })
        pages.post("logout", use: logout)
        pages.get("inbox", use: inbox)
        pages.get("inbox/events", use: events)
        pages.get("conversations/:id", use: conversation)
        pages.get("conversations/:id/presence", use: presenceEvents)
        let (agents, supervisors, admins) =
            (pages.requiring(.agent), pages.requiring(.supervisor), pages.requiring(.admin))
        agents.post("conversations/:id/typing", use: typing)
        agents.post("conversations/:id/reply", use: reply)
        agents.post("conversations/:id/note", use: note)
        agents.post("conversations/:id/status", use: status)
        agents.post("conversations/:id/assign", use: assign)
        agents.post("conversations/:id/priority", use: priority)
        agents.post("conversations/:id/merge", use: mergeConversation)
        agents.post("conversations/:id/move-private", use: movePrivate)
        agents.post("conversations/:id/split", use: split)
        pages.get("customers", use: customers)
        pages.get("customers/:id", use: customer)
        supervisors.post("customers/:id/merge", use: mergeCustomer)
        supervisors.post("customers/merges/:id/undo", use: unmergeCustomer)
        pages.get("admin/users", use: users)
        admins.post("admin/users", use: createUser)
        admins.post("admin/users/:id/role", use: changeRole)
        admins.post("admin/users/:id/disable", use: disableUser)
        admins.post("admin/users/:id/enable", use: enableUser)
        admins.post("admin/users/:id/reset-password", use: resetPassword)
        pages.get("admin/audit", use: audit)
        admin.addRoutes(to: pages)
        NotificationsController(renderer: renderer, desk: desk).addPages(to: pages)
        CustomerEditsController(desk: desk).addPages(to: pages)
        ChannelsController(renderer: renderer, desk: desk).addPages(to: pages)
    }

    @Sendable func asset(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let response = renderer.asset(context.parameters.get("name") ?? "") else {
            throw APIError(.notFound, "not_found", "no such file")
        }
        return response
    }

    // MARK: Sign-in

    @Sendable func loginPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try loginForm(request, context, error: nil, email: "", status: .ok)
    }

    private func loginForm(
        _ request: Request, _ context: AppRequestContext, error: String?, email: String, status: HTTPResponse.Status
    ) throws -> Response {
        // Login CSRF: the form echoes a random value also set as a cookie (double submit).
        let token = APITokens.generate()
        let page = LoginPage(
            chrome: PageChrome("Sign in", "login", context), loginToken: token,
            next: Self.safeNext(request.uri.queryParameters.get("next")), email: email, error: error)
        var response = renderer.html(.login, page, status: status)
        response.setCookie(makeCookie(Self.loginCookie, token, maxAge: 3_600))
        return response
    }

    struct LoginForm: Decodable {
        var email: String
        var password: String
        var _csrf: String?
        var next: String?
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let form = try? await URLEncodedFormDecoder().decode(LoginForm.self, from: request, context: context)
        else {
            return try loginForm(
                request, context, error: "Enter your email and password.", email: "", status: .badRequest)
        }
        guard let cookie = request.cookies[Self.loginCookie]?.value, let sent = form._csrf,
            constantTimeEquals(Array(cookie.utf8), Array(sent.utf8))
        else {
            return try loginForm(
                request, context, error: "The sign-in form expired; try again.", email: form.email, status: .forbidden)
        }
        // Bounded before anything is stored or counted: a 5 MiB email must not reach sign_in_attempts or the audit.
        guard form.email.utf8.count <= 4 * AccountEmail.maxLength, form.password.utf8.count <= 1_024,
            (form.next?.utf8.count ?? 0) <= 2_048
        else {
            return try loginForm(
                request, context, error: "Enter your email and password.", email: "", status: .badRequest)
        }
        // One canonical form for look-up and limiting, so padded or re-cased variants share one budget.
        let key = AccountEmail.normalized(form.email) ?? "invalid"
        let address = "address:" + (context.clientAddress ?? "unknown")
        for limitKey in [key, address] {
            if let wait = try await limiter.admit(limitKey, perAddress: limitKey == address) {
                var response = try loginForm(
                    request, context, error: "Too many failed attempts. Try again in \(wait / 60 + 1) minutes.",
                    email: form.email, status: .tooManyRequests)
                response.headers[.retryAfter] = String(wait)
                return response
            }
        }
        let found = try await desk.users.credentials(email: key)
        // An unknown email costs one password check too, so the answer's timing does not tell accounts apart.
        let verified = try await Passwords.verify(
            form.password, hash: found?.passwordHash ?? DecoyPassword.hash(cost: desk.passwordCost))
        guard let found, !found.user.disabled, verified else {
            try await desk.audit.record(
                userID: nil, action: "session.sign_in_failed", target: key, address: context.clientAddress)
            return try loginForm(
                request, context, error: "Wrong email or password.", email: form.email, status: .unauthorized)
        }
        try await limiter.succeeded(key)
        try await desk.audit.record(
            userID: found.user.id, action: "session.sign_in", target: "user:\(found.user.id)",
            address: context.clientAddress)
        let token = APITokens.generate()
        try await desk.sessions.create(
            tokenHash: APITokens.hash(token), userID: found.user.id, csrfToken: APITokens.generate(),
            expiresAt: Date().addingTimeInterval(Self.sessionLifetime))
        var response = Response.redirect(to: Self.safeNext(form.next), type: .found)
        response.setCookie(makeCookie(SessionMiddleware.cookieName, token, maxAge: Int(Self.sessionLifetime)))
        response.setCookie(makeCookie(Self.loginCookie, "", maxAge: 0))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        if let token = request.cookies[SessionMiddleware.cookieName]?.value {
            try await desk.sessions.delete(tokenHash: APITokens.hash(token))
        }
        var response = Response.redirect(to: "/login", type: .found)
        response.setCookie(makeCookie(SessionMiddleware.cookieName, "", maxAge: 0))
        return response
    }

    private func makeCookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// Only same-origin paths (``SafeRedirect``): an open redirect would let a phishing link bounce through the
    /// sign-in.
    static func safeNext(_ next: String?) -> String {
        SafeRedirect.path(next, fallback: "/inbox")
    }

    // MARK: Inbox

    /// The inbox; an unknown queue, status or channel is an error page, as on the API.
    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let now = Date()
        let user = try requireUser(context)
        let q = request.uri.queryParameters
        let inbox = try await actions.inbox(
            .init(
                queue: q.get("queue"), status: q.get("status"), network: q.get("network"), search: q.get("q"),
                limit: 100),
            for: user, defaultQueue: "mine", now: now)
        async let counts = actions.queueCounts(for: user, now: now)
        async let teams = desk.teams.all()
        async let incidents = AnnouncementStore(database: desk.database).incidents(
            conversationIDs: inbox.rows.map(\.id))
        let page = InboxPage.make(
            chrome: PageChrome("Inbox", "inbox", context), query: inbox.query, rows: inbox.rows,
            counts: try await counts, teams: try await teams.map { ($0.id.rawValue, $0.name) },
            incidents: try await incidents, now: now)
        return renderer.html(.inbox, page)
    }

    /// Live desk changes for the open page: `event: change` with the conversation's id.
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let me = try requireUser(context).id
        return try ServerSentEvents.response(
            request, guard: context.streamGuard, desk.worker.changes.subscribe(buffer: 200)
        ) { change in
            // Announcements change the banner on every page; the page re-reads what is addressed to its user.
            if change.kind == .announcement { return ByteBuffer(string: "event: announcement\ndata: {}\n\n") }
            var event =
                "event: change\ndata: {\"conversationId\":\(change.conversationID),\"kind\":\"\(change.kind.rawValue)\"}\n\n"
            // Only the recipient hears of a personal notification.
            if change.notified.contains(me) {
                event += "event: notification\ndata: {\"conversationId\":\(change.conversationID)}\n\n"
            }
            return ByteBuffer(string: event)
        }
    }

    // MARK: Conversation

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try APIInput.pathID(context)
        let user = try requireUser(context)
        let detail = try await actions.conversation(id, for: user)
        try await desk.notifications.markRead(userID: user.id, conversationID: id)
        let s = detail.summary
        async let profile = desk.customers.profile(
            id: s.customerID, timelineLimit: 0, scope: actions.scope(for: user))
        async let users = desk.users.all()
        async let canned = desk.settings.cannedReplies()
        async let channels = desk.channels.all()
        async let knowledge = actions.knowledgePanel(detail, for: user)
        var input = ConversationPage.Input(
            summary: s, tags: detail.tags, messages: detail.messages, history: detail.history,
            profile: try await profile, users: try await users, cannedReplies: try await canned,
            repliesPaused: try await channels.contains { $0.network.rawValue == s.network && !$0.repliesEnabled },
            incidents: try await AnnouncementStore(database: desk.database).incidents(conversationIDs: [id])[id] ?? [])
        input.knowledge = try await knowledge
        input.publicBaseURL = desk.publicBaseURL
        let page = ConversationPage.make(
            input, viewer: user, chrome: PageChrome(s.subject, "conversation", context), now: Date())
        return renderer.html(.conversation, page)
    }

    /// Collision detection: `event: viewers` with the other agents on this conversation (and who types).
    @Sendable func presenceEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let id = try APIInput.pathID(context)
        try await actions.visibleConversation(id, for: user)
        let encoder = JSONEncoder()
        return try ServerSentEvents.response(
            request, guard: context.streamGuard, presence.join(conversation: id, name: user.name).updates
        ) { viewers in
            var buffer = ByteBuffer(string: "event: viewers\ndata: ")
            buffer.writeBytes(try encoder.encode(viewers))
            buffer.writeString("\n\n")
            return buffer
        }
    }

    @Sendable func typing(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        let id = try APIInput.pathID(context)
        try await actions.visibleConversation(id, for: user)
        presence.typing(conversation: id, name: user.name)
        return Response(status: .noContent)
    }

    struct TextForm: Decodable, CSRFProtected {
        var text: String
        var _csrf: String?
    }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await WebForm.decode(TextForm.self, request, context)
        let id = try APIInput.pathID(context)
        try await actions.reply(to: id, text: form.text, by: user)
        return Response.redirect(to: "/conversations/\(id)", type: .normal)
    }

    @Sendable func note(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await WebForm.decode(TextForm.self, request, context)
        let id = try APIInput.pathID(context)
        try await actions.note(on: id, text: form.text, by: user)
        return Response.redirect(to: "/conversations/\(id)", type: .normal)
    }

    struct StatusForm: Decodable, CSRFProtected {
        var status: String
        var _csrf: String?
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WebForm.decode(StatusForm.self, request, context)
        return try await update(.init(status: form.status), context)
    }

    struct AssignForm: Decodable, CSRFProtected {
        var assignee: String?
        var _csrf: String?
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WebForm.decode(AssignForm.self, request, context)
        let assignee: DeskActions.Assignment
        switch form.assignee ?? "" {
        case "", "0": assignee = .nobody
        case let raw:
            guard let id = Int64(raw) else {
                throw DeskError.invalid("invalid_assignee", field: "assignee", "choose someone from the list")
            }
            assignee = .user(id)
        }
        return try await update(.init(assignee: assignee), context)
    }

    struct PriorityForm: Decodable, CSRFProtected {
        var priority: String
        var _csrf: String?
    }

    @Sendable func priority(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await WebForm.decode(PriorityForm.self, request, context)
        return try await update(.init(priority: form.priority), context)
    }

    struct IntoForm: Decodable, CSRFProtected {
        var into: Int64
        var _csrf: String?
    }

    @Sendable func mergeConversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await WebForm.decode(IntoForm.self, request, context)
        try await actions.merge(try APIInput.pathID(context), into: form.into, by: user)
        return Response.redirect(to: "/conversations/\(form.into)", type: .normal)
    }

    struct MoveForm: Decodable, CSRFProtected {
        var text: String
        var publicText: String?
        var _csrf: String?
    }

    @Sendable func movePrivate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await WebForm.decode(MoveForm.self, request, context)
        let newID = try await actions.movePrivate(
            try APIInput.pathID(context), .init(text: form.text, publicText: form.publicText), by: user)
        return Response.redirect(to: "/conversations/\(newID)", type: .normal)
    }

    struct SplitForm: Decodable, CSRFProtected {
        var message: Int64
        var _csrf: String?
    }

    @Sendable func split(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await WebForm.decode(SplitForm.self, request, context)
        let newID = try await actions.split(try APIInput.pathID(context), atMessage: form.message, by: user)
        return Response.redirect(to: "/conversations/\(newID)", type: .normal)
    }

    private func update(_ update: DeskActions.ConversationUpdate, _ context: AppRequestContext) async throws
        -> Response
    {
        let id = try APIInput.pathID(context)
        try await actions.update(id, update, by: try requireUser(context))
        return Response.redirect(to: "/conversations/\(id)", type: .normal)
    }

    // MARK: Customers

    @Sendable func customers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let q = request.uri.queryParameters.get("q") ?? ""
        let found = try await actions.searchCustomers(q, for: try requireUser(context))
        let page = CustomersPage.make(chrome: PageChrome("Customers", "customers", context), q: q, found: found)
        return renderer.html(.customers, page)
    }

    @Sendable func customer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try APIInput.pathID(context)
        let user = try requireUser(context)
        let (profile, conversations) = try await actions.customer(id, for: user)
        async let notes = desk.customers.notes(customerID: id)
        async let duplicates = desk.customers.suggestedDuplicates(customerID: id)
        async let merges = desk.customers.merges(customerID: id)
        async let surveys = desk.surveys.surveys(customerID: id)
        let input = CustomerPage.Input(
            profile: profile, conversations: conversations, notes: try await notes,
            duplicates: try await duplicates, merges: try await merges, surveys: try await surveys)
        let page = CustomerPage.make(
            input, viewer: user, chrome: PageChrome(profile.name, "customer", context), now: Date())
        return renderer.html(.customer, page)
    }

    struct MergeForm: Decodable, CSRFProtected {
        var into: Int64
        var _csrf: String?
    }

    @Sendable func mergeCustomer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let form = try await WebForm.decode(MergeForm.self, request, context)
        _ = try await actions.mergeCustomers(try APIInput.pathID(context), into: form.into, by: user)
        return Response.redirect(to: "/customers/\(form.into)", type: .normal)
    }

    @Sendable func unmergeCustomer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        try await actions.unmergeCustomers(mergeID: try APIInput.pathID(context), by: user)
        return Response.redirect(
            to: request.headers[.referer].flatMap { WebController.safeNext(URL(string: $0)?.path) } ?? "/customers",
            type: .normal)
    }

    // MARK: Admin

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try requireRole(.admin, context)
        let page = UsersPage.make(
            chrome: PageChrome("Users", "users", context), users: try await desk.users.all(), viewerID: admin.id)
        return renderer.html(.users, page)
    }

    @Sendable func disableUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await setDisabled(true, request, context)
    }

    @Sendable func enableUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await setDisabled(false, request, context)
    }

    private func setDisabled(_ disabled: Bool, _ request: Request, _ context: AppRequestContext) async throws
        -> Response
    {
        let admin = try requireUser(context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        _ = try await actions.setDisabled(
            disabled, userID: try APIInput.pathID(context), by: admin, address: context.clientAddress)
        return Response.redirect(to: "/admin/users", type: .normal)
    }

    /// Answers with the users page showing the one-time password once (never in a URL, never cached).
    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try requireUser(context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        let id = try APIInput.pathID(context)
        let temporary = try await actions.resetPassword(userID: id, by: admin, address: context.clientAddress)
        let users = try await desk.users.all()
        let page = UsersPage.make(
            chrome: PageChrome("Users", "users", context), users: users, viewerID: admin.id,
            reset: .init(name: users.first { $0.id == id }?.name ?? "#\(id)", temporaryPassword: temporary))
        var response = renderer.html(.users, page)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    struct NewUserForm: Decodable, CSRFProtected {
        var name: String
        var email: String
        var role: String
        var password: String
        var _csrf: String?
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try requireUser(context)
        let form = try await WebForm.decode(NewUserForm.self, request, context)
        _ = try await actions.createUser(
            .init(email: form.email, name: form.name, role: form.role, password: form.password), by: admin)
        return Response.redirect(to: "/admin/users", type: .normal)
    }

    struct RoleForm: Decodable, CSRFProtected {
        var role: String
        var _csrf: String?
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try requireUser(context)
        let form = try await WebForm.decode(RoleForm.self, request, context)
        _ = try await actions.updatePerson(try APIInput.pathID(context), .init(role: form.role), by: admin)
        return Response.redirect(to: "/admin/users", type: .normal)
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try requireRole(.admin, context)
        let query = try AuditQuery.parse(request.uri.queryParameters)
        async let entries = desk.audit.recent(filter: query.filter)
        async let users = desk.users.all()
        let page = AuditPage.make(
            chrome: PageChrome("Audit log", "audit", context), entries: try await entries, users: try await users,
            query: query, now: Date())
        return renderer.html(.audit, page)
    }

    // MARK: Helpers

    private func requireUser(_ context: AppRequestContext) throws -> User {
        guard let user = context.user else { throw APIError(.unauthorized, "signed_out", "sign in first") }
        return user
    }

    private func requireRole(_ role: Role, _ context: AppRequestContext) throws -> User {
        try RoleMiddleware.require(role, context)
        return try context.requireUser()
    }
}
