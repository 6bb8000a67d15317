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

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("admin/desk", use: deskSettings)
        pages.post("admin/teams", use: createTeam)
        pages.post("admin/teams/:id", use: updateTeam)
        pages.post("admin/people/:id", use: updatePerson)
        pages.post("admin/routing-rules", use: addRoutingRule)
        pages.post("admin/routing-rules/:id/delete", use: deleteRoutingRule)
        pages.post("admin/sla-policies", use: addSLAPolicy)
        pages.post("admin/canned-replies", use: addCannedReply)
        pages.post("admin/canned-replies/:id/delete", use: deleteCannedReply)
        pages.get("admin/rules", use: listeningRules)
        pages.post("admin/rules", use: addListeningRule)
        pages.post("admin/rules/:id/delete", use: deleteListeningRule)
    }

    @Sendable func deskSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.supervisor, context)
        let users = try await desk.users.all()
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.name) })
        let teams = try await desk.teams.all()
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) })
        let policies = try await desk.settings.slaPolicies()
        let policyNames = Dictionary(uniqueKeysWithValues: policies.map { ($0.id, $0.name) })
        var view = DeskViews.page("Desk settings", "admin", context)
        let staff = users.filter { $0.role != .analyst && !$0.disabled }
        view["teams"] = teams.map { team -> [String: Any] in
            var row: [String: Any] = [
                "id": team.id.rawValue, "name": team.name, "strategy": team.strategy.rawValue,
                "supervisor": team.supervisor.map { names[$0.rawValue] ?? "#\($0)" } ?? "—",
                "members": team.members.map { names[$0.rawValue] ?? "#\($0)" }.joined(separator: ", "),
                "memberChoices": staff.map { person -> [String: Any] in
                    ["id": person.id, "name": person.name, "checked": team.members.contains(AgentID(person.id))]
                },
            ]
            row.merge(HoursView.fields(team.businessHours)) { a, _ in a }
            return row
        }
        view["people"] = staff.map { person -> [String: Any] in
            [
                "id": person.id, "name": person.name, "skills": person.skills.joined(separator: ", "),
                "capacity": person.capacity, "isAway": person.isAway,
            ]
        }
        view["strategies"] = AssignmentStrategy.allCases.map(\.rawValue)
        view["rules"] = try await desk.settings.routingRules().map { rule -> [String: Any] in
            [
                "id": rule.id.rawValue, "name": rule.name, "conditions": RoutingText.conditions(rule, teams: teamNames),
                "actions": RoutingText.actions(rule, teams: teamNames, users: names, policies: policyNames),
            ]
        }
        view["networks"] = Network.allCases.map(\.rawValue)
        view["intents"] = Intent.Name.allCases.map(\.rawValue)
        view["policies"] = policies.map { policy -> [String: Any] in
            [
                "id": policy.id.rawValue, "name": policy.name,
                "targets": policy.targets.map { t in
                    let scope = [t.priority?.rawValue, t.network?.rawValue].compactMap { $0 }.joined(separator: "/")
                    let times = [
                        t.firstResponse.map { "first response \(ViewFormat.duration($0))" },
                        t.resolution.map { "resolution \(ViewFormat.duration($0))" },
                    ].compactMap { $0 }
                    return (scope.isEmpty ? "default" : scope) + ": " + times.joined(separator: ", ")
                }.joined(separator: "; ") + (policy.usesBusinessHours ? " (business hours)" : " (24/7)"),
            ]
        }
        view["canned"] = try await desk.settings.cannedReplies().map {
            ["id": $0.id, "title": $0.title, "body": $0.body]
        }
        return renderer.html("admin_desk", view)
    }

    struct TeamForm: Decodable, CSRFProtected {
        var name: String
        var strategy: String
        var supervisor: String?
        var members: [Int64]?
        var _csrf: String?
    }

    @Sendable func createTeam(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        let form = try await WebForm.decode(TeamForm.self, request, context)
        guard let strategy = AssignmentStrategy(rawValue: form.strategy),
            !form.name.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw APIError(.badRequest, "invalid_team", "a team needs a name and a known assignment strategy") }
        let supervisor = form.supervisor.flatMap { Int64($0) }
        try await DeskSettingsValidation.checkUsers((form.members ?? []) + (supervisor.map { [$0] } ?? []), desk: desk)
        do {
            _ = try await desk.teams.create(
                name: form.name, strategy: strategy, supervisorID: supervisor, members: form.members ?? [])
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "duplicate_team", message)
        }
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
        try RoleMiddleware.require(.admin, context)
        let form = try await WebForm.decode(TeamEditForm.self, request, context)
        let id = try APIInput.pathID(context)
        let members = form.members ?? []
        try await DeskSettingsValidation.checkUsers(members, desk: desk)
        var hours: BusinessHours?
        if form.alwaysOpen == nil {
            let holidays = (form.holidays ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" })
                .map(String.init)
            hours = try DeskSettingsAPIController.HoursInput(
                timeZone: form.timeZone ?? "", open: form.open ?? "", close: form.close ?? "", days: form.days ?? [],
                holidays: holidays
            ).businessHours()
        }
        guard try await desk.teams.setMembers(members, teamID: id, by: context.user?.id),
            try await desk.teams.setBusinessHours(hours, teamID: id, by: context.user?.id)
        else { throw APIError(.notFound, "not_found", "no team \(id)") }
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
        try RoleMiddleware.require(.supervisor, context)
        let form = try await WebForm.decode(PersonForm.self, request, context)
        let id = try APIInput.pathID(context)
        try await WorkloadInput.set(
            skills: form.skills.split(separator: ",").map(String.init), capacity: form.capacity, userID: id,
            by: context.user!, desk: desk)
        try await desk.users.setAway(form.away != nil, userID: id)
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
        try RoleMiddleware.require(.admin, context)
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
        guard !actions.isEmpty, !form.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.badRequest, "invalid_rule", "a routing rule needs a name and at least one action")
        }
        let rule = RoutingRule(
            id: 0, name: form.name, conditions: conditions, actions: actions, continueAfterMatch: form.keepGoing != nil)
        try await DeskSettingsValidation.check(rule, desk: desk)
        _ = try await desk.settings.addRoutingRule(rule)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    @Sendable func deleteRoutingRule(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        _ = try await desk.settings.deleteRoutingRule(id: try APIInput.pathID(context), by: context.user?.id)
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
        try RoleMiddleware.require(.admin, context)
        let form = try await WebForm.decode(SLAForm.self, request, context)
        guard form.firstResponseMinutes > 0, form.resolutionHours > 0, (form.urgentFirstResponseMinutes ?? 1) > 0,
            !form.name.isEmpty
        else { throw APIError(.badRequest, "invalid_policy", "targets must be positive") }
        var targets = [
            SLATarget(firstResponse: form.firstResponseMinutes * 60, resolution: form.resolutionHours * 3_600)
        ]
        if let urgent = form.urgentFirstResponseMinutes {
            targets.append(SLATarget(priority: .urgent, firstResponse: urgent * 60))
        }
        do {
            _ = try await desk.settings.addSLAPolicy(
                SLAPolicy(id: 0, name: form.name, targets: targets, usesBusinessHours: form.businessHours != nil))
        } catch StoreError.conflict(let message) {
            throw APIError(.conflict, "duplicate_policy", message)
        }
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    struct CannedForm: Decodable, CSRFProtected {
        var title: String
        var body: String
        var _csrf: String?
    }

    @Sendable func addCannedReply(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.supervisor, context)
        let form = try await WebForm.decode(CannedForm.self, request, context)
        _ = try await DeskSettingsValidation.addCannedReply(title: form.title, body: form.body, desk: desk)
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    @Sendable func deleteCannedReply(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.supervisor, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        _ = try await desk.settings.deleteCannedReply(id: try APIInput.pathID(context))
        return Response.redirect(to: "/admin/desk", type: .normal)
    }

    @Sendable func listeningRules(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        return renderer.html("admin_rules", try await rulesView(context, error: nil, form: [:]))
    }

    private func rulesView(_ context: AppRequestContext, error: String?, form: [String: String]) async throws
        -> [String: Any]
    {
        var view = DeskViews.page("Listening rules", "admin", context)
        view["rules"] = try await rules.all().map { rule -> [String: Any] in
            [
                "id": rule.id, "name": rule.name, "brand": rule.brand, "query": rule.query,
                "isCompetitor": rule.isCompetitor,
            ]
        }
        view.setIfPresent("error", error)
        view["form"] = form
        return view
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
                query: form.query)
        } catch let error as APIError {
            // Show the query error with its column on the form, keeping what was typed.
            let view = try await rulesView(
                context, error: error.message, form: ["name": form.name, "brand": form.brand, "query": form.query])
            return renderer.html("admin_rules", view, status: error.status)
        } catch StoreError.conflict(let message) {
            let view = try await rulesView(
                context, error: message, form: ["name": form.name, "brand": form.brand, "query": form.query])
            return renderer.html("admin_rules", view, status: .conflict)
        }
        try await ruleBook.refresh()
        return Response.redirect(to: "/admin/rules", type: .normal)
    }

    @Sendable func deleteListeningRule(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        _ = try await WebForm.decode(CSRFForm.self, request, context)
        _ = try await rules.delete(id: try APIInput.pathID(context))
        try await ruleBook.refresh()
        return Response.redirect(to: "/admin/rules", type: .normal)
    }
}
