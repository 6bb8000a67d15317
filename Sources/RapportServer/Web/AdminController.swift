import Foundation
import Hummingbird
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportIngest
import RapportStore

/// Admin pages: desk settings (teams, routing rules, SLA policies, canned replies) and listening rules.
struct AdminController {
    let renderer: WebRenderer
    let desk: DeskServices
    let rules: RuleStore
    let ruleBook: RuleBook
    /// Retention as the environment sets it (`RAPPORT_RETENTION_*`); the form below stores the overrides.
    var retentionDefaults = RetentionPolicy()
    var actions: DeskActions { desk.actions }

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        let (agents, supervisors, admins) =
            (pages.requiring(.agent), pages.requiring(.supervisor), pages.requiring(.admin))
        pages.get("admin/desk", use: deskSettings)
        admins.post("admin/teams", use: createTeam)
        admins.post("admin/team-scope", use: setTeamScope)
        admins.post("admin/retention", use: setRetention)
        admins.post("admin/teams/:id", use: updateTeam)
        agents.post("admin/people/:id", use: updatePerson)
        admins.post("admin/routing-rules", use: addRoutingRule)
        admins.post("admin/routing-rules/:id/delete", use: deleteRoutingRule)
        admins.post("admin/sla-policies", use: addSLAPolicy)
        supervisors.post("admin/canned-replies", use: addCannedReply)
        supervisors.post("admin/canned-replies/:id/delete", use: deleteCannedReply)
        pages.get("admin/rules", use: listeningRules)
        admins.post("admin/rules", use: addListeningRule)
        admins.post("admin/rules/:id/delete", use: deleteListeningRule)
    }

    @Sendable func deskSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.supervisor, context)
        async let users = desk.users.all()
        async let teams = desk.teams.all()
        async let rules = desk.settings.routingRules()
        async let policies = desk.settings.slaPolicies()
        async let canned = desk.settings.cannedReplies()
        async let teamScope = actions.teamScopeState()
        async let retention = RetentionSettingsStore(database: desk.database).overrides()
        var page = AdminDeskPage.make(
            chrome: PageChrome("Desk settings", "admin", context), users: try await users, teams: try await teams,
            rules: try await rules, policies: try await policies, canned: try await canned,
            teamScope: try await teamScope)
        page.retention = .init(environment: retentionDefaults, overrides: try await retention)
        return renderer.html(.adminDesk, page)
    }

    struct TeamScopeForm: Decodable, CSRFProtected {
        /// `on`, `off` or `environment`.
        var teamScope: String
        var _csrf: String?
    }

    @Sendable func setTeamScope(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try DeskActions.require(.admin, user)
        let form = try await WebForm.decode(TeamScopeForm.self, request, context)
        let enabled: Bool?
        switch form.teamScope {
        case "on": enabled = true
        case "off": enabled = false
        case "environment": enabled = nil
        default: throw DeskError.invalid("invalid_team_scope", field: "teamScope", "choose on, off or environment")
        }
        _ = try await actions.setTeamScope(enabled, by: user, from: PrivacyController.origin(request, context))
        return Response.redirect(to: "/admin/desk#team-scope", type: .normal)
    }

    struct RetentionForm: Decodable, CSRFProtected {
        /// Days; empty follows the environment, 0 keeps forever.
        var publicMentionDays: String?
        var auditDays: String?
        var _csrf: String?
    }

    /// The retention form: the administrators' overrides of `RAPPORT_RETENTION_*` (audited `settings.retention`).
    @Sendable func setRetention(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(RetentionForm.self, request, context)
        func days(_ raw: String?, _ field: String) throws -> Int? {
            let text = raw?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !text.isEmpty else { return nil }
            guard let days = Int(text), (0...RetentionPolicy.maximumDays).contains(days) else {
                throw DeskError.invalid(
                    "invalid_retention", field: field,
                    "days from 0 (keep forever) to \(RetentionPolicy.maximumDays), or empty to follow the environment")
            }
            return days
        }
        let policy = RetentionPolicy(
            publicMentionDays: try days(form.publicMentionDays, "publicMentionDays"),
            auditDays: try days(form.auditDays, "auditDays"))
        try await RetentionSettingsStore(database: desk.database).setOverrides(
            policy, by: user.id, from: PrivacyController.origin(request, context))
        return Response.redirect(to: "/admin/desk#retention", type: .normal)
    }

    struct TeamForm: Decodable, CSRFProtected {
        var name: String
        var strategy: String
        var supervisor: String?
        var members: [Int64]?
        var _csrf: String?
    }

    @Sendable func createTeam(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(TeamForm.self, request, context)
        _ = try await actions.createTeam(
            .init(
                name: form.name, strategy: form.strategy, supervisorID: form.supervisor.flatMap { Int64($0) },
                members: form.members ?? []), by: user)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    struct TeamEditForm: Decodable, CSRFProtected {
        var members: [Int64]?
        var timeZone: String?
        var open: String?
        var close: String?
        var days: [Int]?
        var holidays: String?
        var alwaysOpen: String?
        var _csrf: String?
    }

    /// Members and business hours of a team (admins).
    @Sendable func updateTeam(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(TeamEditForm.self, request, context)
        let id = try APIInput.pathID(context)
        let hours: DeskActions.HoursChange
        if form.alwaysOpen != nil {
            hours = .alwaysOpen
        } else {
            let holidays = (form.holidays ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" })
                .map(String.init)
            hours = .hours(
                BusinessHoursInput(
                    timeZone: form.timeZone ?? "", open: form.open ?? "", close: form.close ?? "",
                    days: form.days ?? [], holidays: holidays))
        }
        try await actions.updateTeam(id, .init(members: form.members ?? [], hours: hours), by: user)
        return Response.redirect(to: "/admin/desk#team-\(id)", type: .normal)
    }

    struct PersonForm: Decodable, CSRFProtected {
        var skills: String
        var capacity: Int
        var away: String?
        var _csrf: String?
    }

    /// An agent's skills, capacity and presence (supervisors).
    @Sendable func updatePerson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(PersonForm.self, request, context)
        _ = try await actions.updatePerson(
            try APIInput.pathID(context),
            .init(
                away: form.away != nil, skills: form.skills.split(separator: ",").map(String.init),
                capacity: form.capacity), by: user)
        return Response.redirect(to: "/admin/desk#people", type: .normal)
    }

    struct RoutingForm: Decodable, CSRFProtected {
        var name: String
        var level: String?
        var network: String?
        var languages: String?
        var intent: String?
        var keywords: String?
        var team: String?
        var priority: String?
        var sla: String?
        var tag: String?
        var acknowledge: String?
        var escalate: String?
        var keepGoing: String?
        var _csrf: String?
    }

    @Sendable func addRoutingRule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(RoutingForm.self, request, context)
        func list(_ text: String?) -> [String] {
            (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func present(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        var conditions: [RoutingCondition] = []
        if let level = present(form.level).flatMap(Level.init) { conditions.append(.level(atLeast: level)) }
        if let network = present(form.network).flatMap(Network.init) { conditions.append(.network([network])) }
        if !list(form.languages).isEmpty {
            conditions.append(.language(Set(list(form.languages).map { $0.lowercased() })))
        }
        if let intent = present(form.intent).flatMap(Intent.Name.init) {
            conditions.append(.intent([intent], minimumConfidence: 0.5))
        }
        if !list(form.keywords).isEmpty { conditions.append(.keywords(list(form.keywords))) }
        var actions: [RoutingAction] = []
        if let team = present(form.team).flatMap({ Int64($0) }) { actions.append(.assignTeam(TeamID(team))) }
        if let priority = present(form.priority).flatMap(Priority.init) { actions.append(.setPriority(priority)) }
        if let sla = present(form.sla).flatMap({ Int64($0) }) { actions.append(.applySLA(SLAPolicyID(sla))) }
        if let tag = present(form.tag) { actions.append(.tag(tag)) }
        if let canned = present(form.acknowledge).flatMap({ Int64($0) }) {
            actions.append(.autoAcknowledge(CannedReplyID(canned)))
        }
        if form.escalate != nil { actions.append(.escalate(to: nil, reason: "routing rule “\(form.name)”")) }
        let rule = RoutingRule(
            id: 0, name: form.name, conditions: conditions, actions: actions, continueAfterMatch: form.keepGoing != nil)
        _ = try await self.actions.addRoutingRule(rule, by: user)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    @Sendable func deleteRoutingRule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        try await actions.deleteRoutingRule(try APIInput.pathID(context), by: user)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    struct SLAForm: Decodable, CSRFProtected {
        var name: String
        var firstResponseMinutes: Double
        var resolutionHours: Double
        var urgentFirstResponseMinutes: Double?
        var businessHours: String?
        var _csrf: String?
    }

    @Sendable func addSLAPolicy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(SLAForm.self, request, context)
        var targets = [
            SLATarget(firstResponse: form.firstResponseMinutes * 60, resolution: form.resolutionHours * 3_600)
        ]
        if let urgent = form.urgentFirstResponseMinutes {
            targets.append(SLATarget(priority: .urgent, firstResponse: urgent * 60))
        }
        _ = try await actions.addSLAPolicy(
            SLAPolicy(id: 0, name: form.name, targets: targets, usesBusinessHours: form.businessHours != nil), by: user)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    struct CannedForm: Decodable, CSRFProtected {
        var title: String
        var body: String
        var _csrf: String?
    }

    @Sendable func addCannedReply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(CannedForm.self, request, context)
        _ = try await actions.addCannedReply(title: form.title, body: form.body, by: user)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    @Sendable func deleteCannedReply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        try await actions.deleteCannedReply(try APIInput.pathID(context), by: user)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    @Sendable func listeningRules(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        return renderer.html(.adminRules, try await rulesPage(context, error: nil, form: .init()))
    }

    private func rulesPage(_ context: AppRequestContext, error: String?, form: ListeningRulesPage.Form) async throws
        -> ListeningRulesPage
    {
        ListeningRulesPage(
            chrome: PageChrome("Listening rules", "admin", context),
            rules: try await rules.all().map {
                .init(id: $0.id, name: $0.name, brand: $0.brand, query: $0.query, isCompetitor: $0.isCompetitor)
            }, error: error, form: form)
    }

    struct RuleForm: Decodable, CSRFProtected {
        var name: String
        var brand: String
        var query: String
        var competitor: String?
        var _csrf: String?
    }

    @Sendable func addListeningRule(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        let form = try await WebForm.decode(RuleForm.self, request, context)
        do {
            try RuleController.check(name: form.name, brand: form.brand, query: form.query)
            _ = try await rules.create(
                name: form.name.trimmingCharacters(in: .whitespaces), brand: form.brand,
                isCompetitor: form.competitor != nil,
                query: form.query, by: context.auditActor)
        } catch let error as APIError {
            // Show the query error with its column on the form, keeping what was typed.
            let page = try await rulesPage(
                context, error: error.message, form: .init(name: form.name, brand: form.brand, query: form.query))
            return renderer.html(.adminRules, page, status: error.status)
        } catch StoreError.conflict(let message) {
            let page = try await rulesPage(
                context, error: message, form: .init(name: form.name, brand: form.brand, query: form.query))
            return renderer.html(.adminRules, page, status: .conflict)
        }
        try await ruleBook.refresh()
        return Response.redirect(to: "/admin/rules", type: .normal)
    }

    @Sendable func deleteListeningRule(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        _ = try await rules.delete(id: try APIInput.pathID(context), by: context.auditActor)
        try await ruleBook.refresh()
        return Response.redirect(to: "/admin/rules", type: .normal)
    }
}
