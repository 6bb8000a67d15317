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
        pages.post("conversations/:id/typing", use: typing)
        pages.post("conversations/:id/reply", use: reply)
        pages.post("conversations/:id/note", use: note)
        pages.post("conversations/:id/status", use: status)
        pages.post("conversations/:id/assign", use: assign)
        pages.post("conversations/:id/priority", use: priority)
        pages.post("conversations/:id/merge", use: mergeConversation)
        pages.post("conversations/:id/move-private", use: movePrivate)
        pages.post("conversations/:id/split", use: split)
        pages.get("customers", use: customers)
        pages.get("customers/:id", use: customer)
        pages.post("customers/:id/merge", use: mergeCustomer)
        pages.post("customers/merges/:id/undo", use: unmergeCustomer)
        pages.get("admin/users", use: users)
        pages.post("admin/users", use: createUser)
        pages.post("admin/users/:id/role", use: changeRole)
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
        var view = DeskViews.page("Sign in", "login", context)
        view["loginToken"] = token
        view["next"] = Self.safeNext(request.uri.queryParameters.get("next"))
        view["email"] = email
        if let error { view["error"] = error }
        var response = renderer.html("login", view, status: status)
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
        let key = form.email.lowercased()
        if let wait = try await limiter.admit(key) {
            var response = try loginForm(
                request, context, error: "Too many failed attempts. Try again in \(wait / 60 + 1) minutes.",
                email: form.email, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let found = try await desk.users.credentials(email: form.email), !found.user.disabled,
            try await Passwords.verify(form.password, hash: found.passwordHash)
        else {
            try await desk.audit.record(userID: nil, action: "session.sign_in_failed", target: key)
            return try loginForm(
                request, context, error: "Wrong email or password.", email: form.email, status: .unauthorized)
        }
        try await limiter.succeeded(key)
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

    /// Only local paths: an open redirect would let a phishing link bounce through the sign-in.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/inbox" }
        return next
    }

    // MARK: Inbox

    private func inboxQuery(_ request: Request, _ context: AppRequestContext, now: Date) -> InboxQuery {
        let q = request.uri.queryParameters
        let name = q.get("queue") ?? "mine"
        let queue: InboxQueue
        switch name {
        case "unassigned": queue = .unassigned
        case "urgent": queue = .urgent
        case "sla": queue = .slaAtRisk(before: now.addingTimeInterval(600))
        case "all": queue = .all
        default:
            if name.hasPrefix("team-"), let id = Int64(name.dropFirst(5)) {
                queue = .team(id)
            } else {
                queue = .mine(userID: context.user?.id ?? 0)
            }
        }
        func value(_ key: String) -> String? { q.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        return InboxQuery(
            queue: queue, status: value("status").flatMap { ConversationStatus(rawValue: $0)?.rawValue },
            network: value("network").flatMap { Network(rawValue: $0)?.rawValue }, search: value("q"), limit: 100)
    }

    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let now = Date()
        let query = inboxQuery(request, context, now: now)
        let user = try requireUser(context)
        async let rows = desk.conversations.inbox(query)
        async let counts = desk.conversations.queueCounts(userID: user.id, slaBefore: now.addingTimeInterval(600))
        async let teams = desk.teams.all()
        var queues: [[String: Any]] = [
            ("mine", "Mine"), ("unassigned", "Unassigned"), ("urgent", "Urgent"), ("sla", "SLA at risk"),
            ("all", "All"),
        ].map { key, label in ["key": key, "label": label] }
        let countValues = try await counts
        for i in queues.indices {
            let count = countValues[queues[i]["key"] as! String] ?? 0
            queues[i]["count"] = count >= 1_000 ? "1000+" : String(count)
        }
        for team in try await teams { queues.append(["key": "team-\(team.id)", "label": team.name, "count": ""]) }
        for i in queues.indices { queues[i]["active"] = (queues[i]["key"] as! String) == query.queue.name }
        var view = DeskViews.page("Inbox", "inbox", context)
        view["queues"] = queues
        view["queue"] = query.queue.name
        view["q"] = query.search ?? ""
        view["rows"] = try await rows.map { DeskViews.row($0, now: now) }
        view["statuses"] =
            [["value": "", "label": "Active", "selected": query.status == nil]]
            + ConversationStatus.allCases.map {
                ["value": $0.rawValue, "label": $0.rawValue, "selected": query.status == $0.rawValue]
            }
        view["networks"] =
            [["value": "", "label": "All channels", "selected": query.network == nil]]
            + Network.allCases.map {
                ["value": $0.rawValue, "label": $0.rawValue, "selected": query.network == $0.rawValue]
            }
        return renderer.html("inbox", view)
    }

    /// Live desk changes for the open page: `event: change` with the conversation's id.
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let changes = desk.worker.changes.subscribe(buffer: 200)
        let me = try requireUser(context).id
        return ServerSentEvents.response(request, changes) { change in
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
        guard let detail = try await desk.conversations.detail(id: id) else {
            throw APIError(.notFound, "not_found", "no conversation \(id)")
        }
        let user = try requireUser(context)
        try await desk.notifications.markRead(userID: user.id, conversationID: id)
        let now = Date()
        let s = detail.summary
        async let profile = desk.customers.profile(id: s.customerID, timelineLimit: 0)
        async let allUsers = desk.users.all()
        async let canned = desk.settings.cannedReplies()
        let users = try await allUsers
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.name) })
        var view = DeskViews.page(s.subject, "conversation", context)
        let sla = ViewFormat.sla(s.status == "resolved" || s.status == "closed" ? nil : s.slaDueAt, now: now)
        view.merge(DeskViews.row(s, now: now)) { a, _ in a }
        view["slaText"] = sla.text.isEmpty ? nil : sla.text
        view["slaClass"] = sla.cssClass
        view["customerID"] = s.customerID
        view["tags"] = detail.tags
        view["messages"] = detail.messages.enumerated().map { index, message in
            var row = DeskViews.message(message, now: now)
            // The first message stays: splitting it out would move everything.
            row["splittable"] = index > 0 && message.direction != .note
            row["conversationID"] = s.id
            return row
        }
        view["history"] = detail.history.reversed().map { entry -> [String: Any] in
            let line = DeskViews.historyText(entry, users: names, customerName: s.customerName)
            return [
                "atISO": ViewFormat.iso(entry.at), "atText": ViewFormat.relative(entry.at, now: now),
                "actor": line.actor, "text": line.text,
            ]
        }
        view["canWrite"] = user.role.allows(.agent)
        view["repliesPaused"] = try await desk.channels.all().contains {
            $0.network.rawValue == s.network && !$0.repliesEnabled
        }
        view["canMovePrivate"] =
            s.channelKind == "public" && ["x", "facebook", "instagram", "mastodon"].contains(s.network)
            && s.status != "closed"
        let status = ConversationStatus(rawValue: s.status) ?? .open
        view["statusActions"] = status.allowedTargets.sorted { $0.rawValue < $1.rawValue }.map {
            [
                "value": $0.rawValue, "label": $0 == .open ? "Open" : $0.rawValue.capitalized,
                "isResolve": $0 == .resolved,
            ]
        }
        var assignees: [[String: Any]] = [["value": "", "label": "Nobody", "selected": s.assigneeID == nil]]
        for u in users where u.role != .analyst && !u.disabled && (user.role.allows(.supervisor) || u.id == user.id) {
            assignees.append([
                "value": String(u.id), "label": u.name + (u.isAway ? " (away)" : ""), "selected": s.assigneeID == u.id,
            ])
        }
        view["assignees"] = assignees
        view["priorities"] = Priority.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == s.priority] }
        if let profile = try await profile {
            view["identities"] = profile.identities.map {
                ["kind": $0.kind, "value": $0.value, "verified": $0.verified]
            }
            let facts = DeskViews.facts(profile.facts)
            view["facts"] = facts
            view["hasFacts"] = !facts.isEmpty
            let context = TemplateContext([
                "customer.first_name": profile.name.split(separator: " ").first.map(String.init),
                "customer.name": profile.name, "agent.name": user.name, "agent.first_name": user.firstName,
                "conversation.id": String(s.id), "conversation.channel": s.network,
            ])
            let replies = try await canned.map { reply -> [String: String] in
                [
                    "title": reply.title,
                    "body": (try? TemplateRenderer.render(reply.body, context: context)) ?? reply.body,
                ]
            }
            view["canned"] = replies
            view["hasCanned"] = !replies.isEmpty
        }
        return renderer.html("conversation", view)
    }

    /// Collision detection: `event: viewers` with the other agents on this conversation (and who types).
    @Sendable func presenceEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireUser(context)
        let joined = presence.join(conversation: try APIInput.pathID(context), name: user.name)
        let encoder = JSONEncoder()
        return ServerSentEvents.response(request, joined.updates) { viewers in
            var buffer = ByteBuffer(string: "event: viewers\ndata: ")
            buffer.writeBytes(try encoder.encode(viewers))
            buffer.writeString("\n\n")
            return buffer
        }
    }

    @Sendable func typing(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        presence.typing(conversation: try APIInput.pathID(context), name: user.name)
        return Response(status: .noContent)
    }

    struct TextForm: Decodable, CSRFProtected {
        var text: String
        var _csrf: String?
    }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(TextForm.self, request, context)
        let text = try Self.messageText(form.text)
        let id = try APIInput.pathID(context)
        guard try await desk.conversations.reply(to: id, by: user, text: text) != nil else {
            throw APIError(.notFound, "not_found", "no conversation \(id)")
        }
        desk.worker.wake()
        desk.worker.changed(id)
        return Response.redirect(to: "/conversations/\(id)", type: .normal)
    }

    @Sendable func note(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(TextForm.self, request, context)
        let text = try Self.messageText(form.text)
        let id = try APIInput.pathID(context)
        guard try await desk.note(on: id, by: user, text: text) != nil else {
            throw APIError(.notFound, "not_found", "no conversation \(id)")
        }
        return Response.redirect(to: "/conversations/\(id)", type: .normal)
    }

    struct StatusForm: Decodable, CSRFProtected {
        var status: String
        var _csrf: String?
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(StatusForm.self, request, context)
        return try await perform([try AgentCommands.status(form.status, by: user)], context)
    }

    struct AssignForm: Decodable, CSRFProtected {
        var assignee: String?
        var _csrf: String?
    }

    @Sendable func assign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(AssignForm.self, request, context)
        return try await perform([try AgentCommands.assign(form.assignee.flatMap { Int64($0) }, by: user)], context)
    }

    struct PriorityForm: Decodable, CSRFProtected {
        var priority: String
        var _csrf: String?
    }

    @Sendable func priority(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(PriorityForm.self, request, context)
        return try await perform([try AgentCommands.priority(form.priority, by: user)], context)
    }

    struct IntoForm: Decodable, CSRFProtected {
        var into: Int64
        var _csrf: String?
    }

    @Sendable func mergeConversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(IntoForm.self, request, context)
        let id = try APIInput.pathID(context)
        do {
            guard try await desk.conversations.merge(id, into: form.into, by: user) else {
                throw APIError(.notFound, "not_found", "no such conversation")
            }
        } catch let error as ConversationError {
            throw APIError(.conflict, "invalid_merge", String(describing: error))
        }
        desk.worker.changed(id)
        desk.worker.changed(form.into)
        return Response.redirect(to: "/conversations/\(form.into)", type: .normal)
    }

    struct MoveForm: Decodable, CSRFProtected {
        var text: String
        var publicText: String?
        var _csrf: String?
    }

    @Sendable func movePrivate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(MoveForm.self, request, context)
        let publicText = try form.publicText.flatMap { $0.isEmpty ? nil : try Self.messageText($0) }
        let id = try APIInput.pathID(context)
        let newID: Int64?
        do {
            newID = try await desk.conversations.movePrivate(
                id, by: user, privateText: try Self.messageText(form.text), publicText: publicText)
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "cannot_move", message)
        }
        guard let newID else { throw APIError(.notFound, "not_found", "no conversation \(id)") }
        desk.worker.wake()
        desk.worker.changed(id)
        return Response.redirect(to: "/conversations/\(newID)", type: .normal)
    }

    struct SplitForm: Decodable, CSRFProtected {
        var message: Int64
        var _csrf: String?
    }

    @Sendable func split(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.agent, context)
        let form = try await WebForm.decode(SplitForm.self, request, context)
        let newID = try await AgentCommands.split(
            try APIInput.pathID(context), atMessage: form.message, by: user, desk: desk)
        return Response.redirect(to: "/conversations/\(newID)", type: .normal)
    }

    private func perform(_ commands: [ConversationCommand], _ context: AppRequestContext) async throws -> Response {
        let id = try APIInput.pathID(context)
        try await AgentCommands.perform(commands, on: id, desk: desk)
        return Response.redirect(to: "/conversations/\(id)", type: .normal)
    }

    // MARK: Customers

    @Sendable func customers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let q = request.uri.queryParameters.get("q") ?? ""
        var view = DeskViews.page("Customers", "customers", context)
        view["q"] = q
        view["customers"] = try await desk.customers.search(q).map { ["id": $0.id, "name": $0.name] }
        return renderer.html("customers", view)
    }

    @Sendable func customer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try APIInput.pathID(context)
        guard let profile = try await desk.customers.profile(id: id) else {
            throw APIError(.notFound, "not_found", "no customer \(id)")
        }
        let now = Date()
        var view = DeskViews.page(profile.name, "customer", context)
        view["id"] = profile.id
        view["customerID"] = profile.id
        view["name"] = profile.name
        view["createdText"] = ViewFormat.relative(profile.createdAt, now: now)
        view["identities"] = profile.identities.map {
            ["kind": $0.kind, "value": $0.value, "verified": $0.verified, "evidence": $0.evidence]
        }
        let facts = DeskViews.facts(profile.facts)
        view["facts"] = facts
        view["hasFacts"] = !facts.isEmpty
        view["sentimentChart"] = SentimentSparkline.svg(profile.sentimentByDay)
        view["conversations"] = try await desk.conversations.conversations(customerID: id).map { c in
            [
                "id": c.id, "subject": c.subject, "network": c.network, "status": c.status,
                "updatedText": ViewFormat.relative(c.updatedAt, now: now),
            ]
        }
        view["timeline"] = profile.timeline.map { DeskViews.message($0, now: now) }
        view["tags"] = profile.tags
        view["tagsText"] = profile.tags.joined(separator: ", ")
        view["canEdit"] = context.user?.role.allows(.agent) == true
        view["consent"] = ConsentPurpose.allCases.map { purpose -> [String: Any] in
            var row: [String: Any] = [
                "purpose": purpose.rawValue, "label": purpose.label, "allowed": profile.consent.allows(purpose),
            ]
            if let record = profile.consent[purpose] {
                row["answer"] = record.granted ? "granted" : "refused"
                row["detail"] = "\(record.source) · \(ViewFormat.relative(record.at, now: now))"
            } else {
                row["answer"] = purpose.allowedByDefault ? "not asked (allowed)" : "not asked (not allowed)"
            }
            return row
        }
        view["topics"] = profile.topics.map { ["topic": $0.topic, "count": $0.count] }
        view["hasTopics"] = !profile.topics.isEmpty
        view.setIfPresent("influence", profile.influence)
        view.setIfPresent("peakInfluence", profile.peakInfluence)
        view["notes"] = try await desk.customers.notes(customerID: id).map { note -> [String: Any] in
            var row = DeskViews.message(note, now: now)
            row["conversationID"] = note.conversationID
            return row
        }
        let canMerge = context.user?.role.allows(.supervisor) == true
        view["canMerge"] = canMerge
        view.setIfPresent("mergedInto", profile.mergedInto)
        let duplicates = try await desk.customers.suggestedDuplicates(customerID: id)
        view["duplicates"] = duplicates.map { ["id": $0.id, "name": $0.name] }
        view["hasDuplicates"] = !duplicates.isEmpty
        let merges = try await desk.customers.merges(customerID: id)
        view["merges"] = merges.map { m -> [String: Any] in
            [
                "id": m.id, "sourceID": m.sourceID, "targetID": m.targetID, "evidence": m.evidence,
                "atText": ViewFormat.relative(m.at, now: now), "undone": m.undone, "canUndo": canMerge && !m.undone,
            ]
        }
        view["hasMerges"] = !merges.isEmpty
        view["surveys"] = try await desk.surveys.surveys(customerID: id).map { s -> [String: Any] in
            var row: [String: Any] = [
                "kind": s.kind.rawValue.uppercased(), "sentText": ViewFormat.relative(s.createdAt, now: now),
                "answer": s.score.map { "\($0)" } ?? (s.expiresAt < now ? "expired" : "not answered yet"),
            ]
            row.setIfPresent("comment", s.comment)
            row.setIfPresent("followUp", s.followupConversationID)
            if !s.sharedOn.isEmpty { row["shared"] = s.sharedOn.joined(separator: ", ") }
            return row
        }
        return renderer.html("customer", view)
    }

    struct MergeForm: Decodable, CSRFProtected {
        var into: Int64
        var _csrf: String?
    }

    @Sendable func mergeCustomer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.supervisor, context)
        let form = try await WebForm.decode(MergeForm.self, request, context)
        do {
            _ = try await desk.customers.merge(source: try APIInput.pathID(context), into: form.into, by: user.id)
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "invalid_merge", message)
        }
        return Response.redirect(to: "/customers/\(form.into)", type: .normal)
    }

    @Sendable func unmergeCustomer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try requireRole(.supervisor, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        guard try await desk.customers.unmerge(mergeID: try APIInput.pathID(context), by: user.id) else {
            throw APIError(.notFound, "not_found", "no such merge, or it was undone already")
        }
        return Response.redirect(
            to: request.headers[.referer].flatMap { WebController.safeNext(URL(string: $0)?.path) } ?? "/customers",
            type: .normal)
    }

    // MARK: Admin

    @Sendable func users(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try requireRole(.admin, context)
        var view = DeskViews.page("Users", "users", context)
        view["users"] = try await desk.users.all().map { u in
            [
                "id": u.id, "name": u.name, "email": u.email, "isAway": u.isAway,
                "roles": Role.allCases.map { ["value": $0.rawValue, "selected": $0 == u.role] },
            ]
        }
        view["allRoles"] = Role.allCases.reversed().map(\.rawValue)
        return renderer.html("users", view)
    }

    struct NewUserForm: Decodable, CSRFProtected {
        var name: String
        var email: String
        var role: String
        var password: String
        var _csrf: String?
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try requireRole(.admin, context)
        let form = try await WebForm.decode(NewUserForm.self, request, context)
        _ = try await desk.createUser(
            email: form.email, name: form.name, role: form.role, password: form.password, by: admin.id)
        return Response.redirect(to: "/admin/users", type: .normal)
    }

    struct RoleForm: Decodable, CSRFProtected {
        var role: String
        var _csrf: String?
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try requireRole(.admin, context)
        let form = try await WebForm.decode(RoleForm.self, request, context)
        guard let role = Role(rawValue: form.role) else {
            throw APIError(.badRequest, "invalid_role", "role must be admin, supervisor, agent or analyst")
        }
        guard try await desk.users.setRole(role, userID: try APIInput.pathID(context), by: admin.id) != nil else {
            throw APIError(.notFound, "not_found", "no such user")
        }
        return Response.redirect(to: "/admin/users", type: .normal)
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try requireRole(.admin, context)
        let now = Date()
        let names = Dictionary(uniqueKeysWithValues: try await desk.users.all().map { ($0.id, $0.name) })
        var view = DeskViews.page("Audit log", "audit", context)
        view["entries"] = try await desk.audit.recent().map { e in
            [
                "atISO": ViewFormat.iso(e.at), "atText": ViewFormat.relative(e.at, now: now),
                "user": e.userID.map { names[$0] ?? "user \($0)" } ?? "—", "action": e.action, "target": e.target,
                "detail": e.detail,
            ]
        }
        return renderer.html("audit", view)
    }

    // MARK: Helpers

    private func requireUser(_ context: AppRequestContext) throws -> User {
        guard let user = context.user else { throw APIError(.unauthorized, "signed_out", "sign in first") }
        return user
    }

    private func requireRole(_ role: Role, _ context: AppRequestContext) throws -> User {
        try RoleMiddleware.require(role, context)
        return context.user!
    }

    /// Replies and notes: non-empty, bounded.
    static func messageText(_ raw: String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw APIError(.badRequest, "empty_text", "write something first") }
        guard text.count <= 10_000 else {
            throw APIError(.contentTooLarge, "text_too_long", "keep it under 10,000 characters")
        }
        return text
    }
}
