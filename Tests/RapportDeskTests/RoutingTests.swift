import RapportAnalysis
import RapportCore
import Testing

@testable import RapportDesk

@Suite struct RoutingTests {
    let rules: [RoutingRule] = [
        RoutingRule(
            id: 1, name: "tag every complaint", conditions: [.intent([.complaint], minimumConfidence: 0.5)],
            actions: [.tag("complaint")], continueAfterMatch: true),
        RoutingRule(
            id: 2, name: "VIP churn",
            conditions: [
                .customerFact("plan", .oneOf(["Enterprise"])), .intent([.churnThreat], minimumConfidence: 0.5),
            ],
            actions: [
                .assignTeam(10), .setPriority(.urgent), .applySLA(1), .escalate(to: nil, reason: "enterprise churn"),
            ]),
        RoutingRule(
            id: 3, name: "influencers", conditions: [.influence(70...100), .level(atLeast: .attention)],
            actions: [.assignTeam(10), .setPriority(.high)]),
        RoutingRule(
            id: 4, name: "Spanish", conditions: [.language(["es"])], actions: [.assignTeam(20), .autoAcknowledge(5)]),
        RoutingRule(
            id: 5, name: "refund keywords",
            conditions: [.keywords(["refund", "money back"]), .network([.email, .webchat])],
            actions: [.assignTeam(30), .requireSkill(.product("billing"))]),
        RoutingRule(id: 6, name: "catch-all", conditions: [], actions: [.assignTeam(40), .setPriority(.normal)]),
    ]

    func subject(
        _ text: String = "hello", network: Network = .x, language: String = "en", intents: [Intent.Name] = [],
        influence: Int = 10, level: Level = .relevant, facts: [String: FactValue] = [:]
    ) -> RoutingSubject {
        RoutingSubject(
            network: network, kind: .post, text: text,
            analysis: analysis(language: language, intents: intents, level: level, influence: influence),
            customerFacts: facts)
    }

    @Test func firstMatchWinsAndContinueAccumulates() {
        let vip = Router.decide(
            subject(
                intents: [.complaint, .churnThreat], influence: 90, level: .urgent, facts: ["plan": .text("enterprise")]
            ),
            rules: rules)
        #expect(vip.matchedRules == [1, 2])  // 3 and 6 also match but 2 stops the list
        #expect(vip.team?.value == 10)
        #expect(vip.priority == Decided(.urgent, by: 2))
        #expect(vip.tags == [Decided("complaint", by: 1)])
        #expect(vip.slaPolicy?.value == 1)

        let influencer = Router.decide(subject(intents: [.complaint], influence: 80, level: .attention), rules: rules)
        #expect(influencer.matchedRules == [1, 3])
        #expect(influencer.priority?.value == .high)

        let plain = Router.decide(subject("nice"), rules: rules)
        #expect(plain.matchedRules == [6])
        #expect(plain.team?.value == 40)
    }

    @Test func conditionsOnLanguageKeywordsChannelAndFacts() {
        #expect(Router.decide(subject("hola", language: "es"), rules: rules).matchedRules == [4])
        #expect(Router.decide(subject("I want my MONEY back!", network: .email), rules: rules).matchedRules == [5])
        // Keywords are whole words: "refunded" is not "refund", and the network must match too.
        #expect(Router.decide(subject("refunded already", network: .email), rules: rules).matchedRules == [6])
        #expect(Router.decide(subject("refund", network: .x), rules: rules).matchedRules == [6])
        #expect(RoutingCondition.customerFact("ltv", .atLeast(1000)).matches(subject(facts: ["ltv": .number(1500)])))
        #expect(!RoutingCondition.customerFact("ltv", .atLeast(1000)).matches(subject(facts: ["ltv": .number(999)])))
        #expect(!RoutingCondition.customerFact("ltv", .atLeast(1000)).matches(subject()))
        #expect(RoutingCondition.not(.language(["es"])).matches(subject()))
        #expect(RoutingCondition.any([.network([.reddit]), .sentiment(.neutral)]).matches(subject()))
        #expect(!RoutingCondition.language(["en"]).matches(subject(language: "und")))
        let disabled = RoutingRule(id: 9, name: "off", conditions: [], actions: [.tag("x")], enabled: false)
        #expect(Router.decide(subject(), rules: [disabled]).matchedRules.isEmpty)
    }

    @Test func routeProducesAttributedCommands() throws {
        let teams: [TeamID: Team] = [10: Team(id: 10, name: "VIP", members: [1, 2], supervisor: 99)]
        let agents: [AgentID: Agent] = [1: Agent(id: 1, name: "Ann"), 2: Agent(id: 2, name: "Bo")]
        let policy = SLAPolicy(id: 1, name: "VIP", targets: [SLATarget(firstResponse: 3600, resolution: 86400)])
        let outcome = Router.route(
            subject(intents: [.churnThreat], facts: ["plan": .text("enterprise")]), rules: rules, teams: teams,
            agents: agents, roundRobin: RoundRobinState())
        #expect(outcome.assignment == .agent(1, team: 10))
        #expect(outcome.roundRobin.lastAssigned == [10: 1])
        #expect(outcome.escalations == [Escalation(to: 99, reason: "enterprise churn", rule: 2)])
        let commands = outcome.commands { $0 == 1 ? policy : nil }
        #expect(
            commands == [
                .setPriority(.urgent, by: .rule(2)), .assign(Assignee(team: 10, agent: 1), by: .rule(2)),
                .applySLA(policy, by: .rule(2)), .escalate(to: 99, reason: "enterprise churn", by: .rule(2)),
            ])
        let applied = try ConversationMachine.apply(commands, to: newConversation(), at: t0)
        #expect(applied.conversation.priority == .urgent)
        #expect(applied.conversation.sla?.firstResponse?.target == 3600)
        #expect(applied.events.allSatisfy { $0.by == .rule(2) })
    }
}

@Suite struct AssignmentTests {
    let agents: [AgentID: Agent] = [
        1: Agent(id: 1, name: "Ann", skills: [.language("en"), .language("es")], capacity: 3),
        2: Agent(id: 2, name: "Bo", skills: [.language("en"), .product("billing")], capacity: 3),
        3: Agent(id: 3, name: "Cy", skills: [.language("en")], capacity: 3),
    ]

    @Test func roundRobinIsFairAndSkipsAwayAndFullAgents() {
        let team = Team(id: 1, name: "Support", members: [1, 2, 3], strategy: .roundRobin)
        var state = RoundRobinState()
        var counts: [AgentID: Int] = [:]
        var order: [AgentID] = []
        for _ in 0..<9 {
            let (outcome, next) = Assigner.assign(in: team, requiredSkills: [], agents: agents, roundRobin: state)
            state = next
            guard case .agent(let agent, _) = outcome else { Issue.record("not assigned"); return }
            counts[agent, default: 0] += 1
            order.append(agent)
        }
        #expect(order == [1, 2, 3, 1, 2, 3, 1, 2, 3])
        #expect(counts.values.allSatisfy { $0 == 3 })

        var withAway = agents
        withAway[2]!.isAway = true
        withAway[3]!.openCount = 3  // full
        var picks: [AgentID] = []
        state = RoundRobinState()
        for _ in 0..<3 {
            let (outcome, next) = Assigner.assign(in: team, requiredSkills: [], agents: withAway, roundRobin: state)
            state = next
            if case .agent(let agent, _) = outcome { picks.append(agent) }
        }
        #expect(picks == [1, 1, 1])

        withAway[1]!.isAway = true
        let (none, unchanged) = Assigner.assign(in: team, requiredSkills: [], agents: withAway, roundRobin: state)
        #expect(none == .queued(1, reason: .noAvailableAgent))
        #expect(unchanged == state)
    }

    @Test func bySkillMatchesLanguageAndProduct() {
        let team = Team(id: 1, name: "Support", members: [1, 2, 3], strategy: .bySkill)
        let spanish = Assigner.assign(in: team, requiredSkills: [.language("es")], agents: agents, roundRobin: .init())
        #expect(spanish.outcome == .agent(1, team: 1))
        let billing = Assigner.assign(
            in: team, requiredSkills: [.language("en"), .product("billing")], agents: agents, roundRobin: .init())
        #expect(billing.outcome == .agent(2, team: 1))
        let german = Assigner.assign(in: team, requiredSkills: [.language("de")], agents: agents, roundRobin: .init())
        #expect(german.outcome == .queued(1, reason: .missingSkills([.language("de")])))

        // Through the router, the message's language becomes a required skill.
        let teams: [TeamID: Team] = [1: team]
        let rule = RoutingRule(id: 1, name: "all", conditions: [], actions: [.assignTeam(1)])
        let outcome = Router.route(
            RoutingSubject(network: .x, kind: .post, text: "hola", analysis: analysis(language: "es")), rules: [rule],
            teams: teams, agents: agents, roundRobin: .init())
        #expect(outcome.assignment == .agent(1, team: 1))
    }

    @Test func leastLoadedUsesFreeCapacity() {
        var loaded = agents
        loaded[1]!.openCount = 2
        loaded[2]!.openCount = 0
        loaded[3]!.openCount = 1
        let team = Team(id: 1, name: "Support", members: [1, 2, 3], strategy: .leastLoaded)
        #expect(
            Assigner.assign(in: team, requiredSkills: [], agents: loaded, roundRobin: .init()).outcome
                == .agent(2, team: 1))
        loaded[2]!.capacity = 0
        #expect(
            Assigner.assign(in: team, requiredSkills: [], agents: loaded, roundRobin: .init()).outcome
                == .agent(3, team: 1))
    }

    @Test func manualTeamsQueueAndNamedAwayAgentFallsBackToTeam() {
        let manual = Team(id: 1, name: "Legal", members: [1], strategy: .manual)
        #expect(
            Assigner.assign(in: manual, requiredSkills: [], agents: agents, roundRobin: .init()).outcome
                == .queued(1, reason: .manualTeam))

        var away = agents
        away[3]!.isAway = true
        let team = Team(id: 2, name: "Support", members: [1, 2, 3], strategy: .roundRobin)
        let rule = RoutingRule(id: 1, name: "owner", conditions: [], actions: [.assignAgent(3), .assignTeam(2)])
        let subject = RoutingSubject(network: .x, kind: .post, text: "hi")
        let outcome = Router.route(subject, rules: [rule], teams: [2: team], agents: away, roundRobin: .init())
        #expect(outcome.assignment == .agent(1, team: 2))
        let present = Router.route(subject, rules: [rule], teams: [2: team], agents: agents, roundRobin: .init())
        #expect(present.assignment == .agent(3, team: 2))
        let manualTeam = Router.route(
            subject, rules: [rule], teams: [2: Team(id: 2, name: "S", members: [3], strategy: .manual)], agents: away,
            roundRobin: .init())
        #expect(manualTeam.assignment == .queued(2, reason: .agentAway(3)))
    }
}
