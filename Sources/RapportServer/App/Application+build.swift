import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import RapportAnalysis
import RapportIngest
import RapportOutbound
import RapportStore
import ServiceLifecycle

/// The running parts of Rapport, built once and shared by `serve` and the tests.
public struct RapportServices: Sendable {
    public let database: Database
    public let pipeline: IngestPipeline
    public let broadcaster: MentionBroadcaster
    public let ruleBook: RuleBook
    public let mentions: MentionStore
    public let rules: RuleStore
    public let tokens: TokenStore
    public let desk: DeskServices
    public let renderer: WebRenderer
    /// The crisis detector on committed mentions, its alerts and their live stream.
    public let alerts: AlertMonitor
    /// Alerts to the desk (live, across instances), the rapid-response team's bells and email.
    public let alertRelay: AlertRelay
    /// The customer community: members, ideas, moderation, its mail.
    public let community: CommunityServices

    /// Opens and migrates the database and compiles the rules. Everything comes from `configuration`; the other
    /// arguments replace a part of it when given (tests: a stub sender, a recording mailer; benchmarks: the
    /// lexicon-only analyser).
    public static func open(
        _ configuration: AppConfiguration, dispatcher: OutboxDispatcher? = nil, passwordCost: UInt8 = 12,
        alertWebhook: AlertWebhook? = nil, alertMail: AlertRelay.Mail? = nil, alertTeam: [String]? = nil,
        analyzer: Analyzer = Analyzer(), communityMail: CommunityMail? = nil, logger: Logger
    ) async throws -> RapportServices {
        let alertSettings = configuration.alerts
        let database = try await Database.open(configuration.database, logger: logger)
        do {
            try await Migrator(database: database).migrate()
            try await BrandAccountDefaults.ensure(configuration.outbound, store: BrandAccountStore(database: database))
            let rules = RuleStore(database: database)
            let ruleBook = RuleBook(rules: rules)
            try await ruleBook.refresh(logger: logger)
            let broadcaster = MentionBroadcaster(database: database, logger: logger)
            let mentions = MentionStore(database: database)
            let desk = DeskServices(
                database: database,
                dispatcher: dispatcher ?? OutboxDispatcher(senders: configuration.outbound.senders()),
                passwordCost: passwordCost, publicBaseURL: configuration.publicBaseURL,
                teamScope: configuration.teamScope, logger: logger)
            let worker = desk.worker
            let alerts = AlertMonitor(
                database: database, webhook: alertWebhook ?? alertSettings.webhook, logger: logger)
            let alertRelay = AlertRelay(
                monitor: alerts, database: database, bus: desk.bus, teamEmails: alertTeam ?? alertSettings.team,
                mail: alertMail ?? alertSettings.mail(smtp: configuration.outbound.smtp),
                deskURL: configuration.publicBaseURL,
                // The desk's own stream rings the bells, on every instance (a change about no conversation: id 0).
                ringBells: { worker.changed(0, notified: $0) },
                notifyTopics: alertSettings.notifyTopics, logger: logger)
            let pipeline = IngestPipeline(
                store: mentions, ruleBook: ruleBook, analyzer: analyzer,
                configuration: .init(
                    maxBatch: configuration.pipeline.maxBatch, maxPending: configuration.pipeline.maxPending),
                logger: logger,
                onCommit: {
                    broadcaster.committed($0)
                    worker.wake()
                    alerts.committed($0)
                })
            return RapportServices(
                database: database, pipeline: pipeline, broadcaster: broadcaster, ruleBook: ruleBook,
                mentions: mentions, rules: rules, tokens: TokenStore(database: database), desk: desk,
                renderer: try await WebRenderer.load(), alerts: alerts, alertRelay: alertRelay,
                community: CommunityServices(
                    database: database, mail: communityMail ?? configuration.outbound.smtp.map(CommunityMail.smtp),
                    publicBaseURL: configuration.publicBaseURL, logger: logger))
        } catch {
            await database.close()
            throw error
        }
    }
}

/// Builds the HTTP application: routes, middleware and the long-running services, in the order they stop.
/// `rapport serve` and the tests both build the app here.
public func buildApplication(
    configuration: AppConfiguration, services: RapportServices, extraServices: [any Service] = [],
    logger: Logger = Logger(label: "rapport")
) -> some ApplicationProtocol {
    let router = buildRouter(configuration, services: services)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rapport"),
        logger: logger)
    // A ServiceGroup stops services in reverse order: the database closes last,
    // after the pipeline has committed what it accepted.
    app.addServices(DatabaseCloser(database: services.database))
    // Before the pipeline: it stops after the pipeline has drained, so the last commits are observed too.
    services.alerts.start()
    app.addServices(services.alertRelay, services.alerts)
    app.addServices(
        services.pipeline, services.broadcaster, services.desk.bus, services.desk.presence, services.desk.worker,
        services.community.mailWorker, RuleRefresher(ruleBook: services.ruleBook, logger: logger))
    for service in extraServices { app.addServices(service) }
    return app
}

/// The router alone (used by `app.test(.router)` tests too).
public func buildRouter(_ configuration: AppConfiguration, services: RapportServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ClientAddressMiddleware(trusted: configuration.trustedProxies))
    router.add(middleware: ErrorMiddleware(renderer: services.renderer))
    router.add(middleware: BodyLimitMiddleware(maxBodyBytes: configuration.maxBodyBytes))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ServerTimingMiddleware())
    HealthController(database: services.database, metricsToken: configuration.metricsToken)
        .addRoutes(to: router.group())
    let ingest = IngestService(pipeline: services.pipeline)
    WebhookController(
        ingest: ingest, metaAppSecret: configuration.metaAppSecret, metaVerifyToken: configuration.metaVerifyToken
    ).addRoutes(to: router.group("webhooks"))
    let api = router.group("api/v1").add(
        middleware: TokenMiddleware(
            tokens: services.tokens, users: services.desk.users, staticToken: configuration.apiToken,
            streams: services.desk.streams))
    IngestController(ingest: ingest).addRoutes(to: api)
    MentionController(store: services.mentions, boundary: services.desk.teamBoundary).addRoutes(to: api)
    StreamController(broadcaster: services.broadcaster, boundary: services.desk.teamBoundary).addRoutes(to: api)
    RuleController(rules: services.rules, ruleBook: services.ruleBook).addRoutes(to: api)
    StatsController(store: services.mentions, pipeline: services.pipeline).addRoutes(to: api)
    DeskAPIController(desk: services.desk).addRoutes(to: api)
    NotificationsController(renderer: services.renderer, desk: services.desk).addAPI(to: api)
    CustomerEditsController(desk: services.desk).addAPI(to: api)
    ChannelsController(renderer: services.renderer, desk: services.desk).addAPI(to: api)
    DeskSettingsAPIController(desk: services.desk).addRoutes(to: api)
    AnnouncementAPIController(desk: services.desk).addRoutes(to: api)
    KnowledgeBaseController(desk: services.desk).addRoutes(to: api)
    HelpCenterController(renderer: services.renderer, knowledgeBase: services.desk.knowledgeBase).addRoutes(to: router)
    WebChatController(
        renderer: services.renderer, ingest: ingest, transcript: WebChatTranscript(database: services.database),
        attempts: SignInAttemptStore(database: services.database), secureCookies: configuration.secureCookies
    ).addRoutes(to: router)
    AccessController(tokens: services.tokens, actions: services.desk.actions).addRoutes(to: api)
    let brandAccounts = BrandAccountActions(
        store: BrandAccountStore(database: services.database), users: services.desk.users,
        teams: services.desk.teams, rules: services.rules, audit: services.desk.audit,
        sealer: configuration.secretKey.map(CredentialSealer.init(secret:)), dormantDays: configuration.dormantDays)
    BrandAccountController(actions: brandAccounts).addRoutes(to: api)
    BrandAccountPagesController(renderer: services.renderer, actions: brandAccounts)
        .addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    IdentityClaimController(customers: services.desk.customers).addRoutes(to: api)
    SurveyController(renderer: services.renderer, desk: services.desk, configuration: configuration)
        .addRoutes(to: router, api: api)
    let alertActions = AlertActions(store: services.alerts.store, rules: services.rules, relay: services.alertRelay)
    AlertController(actions: alertActions).addRoutes(to: api)
    let dashboards = DashboardBuilder(database: services.database, alerts: services.alerts.store)
    AnalyticsController(builder: dashboards).addRoutes(to: api)
    DigestController(builder: DigestBuilder(database: services.database)).addRoutes(to: api)
    let experience = ExperienceWebController(
        renderer: services.renderer, experience: ExperienceStore(database: services.database),
        revenue: RevenueBuilder(database: services.database))
    experience.addAPI(to: api)
    OrderController(orders: OrderStore(database: services.database)).addRoutes(to: api)
    PrivacyController(database: services.database, environment: configuration.retention)
        .addRoutes(to: api)
    WebController(
        renderer: services.renderer, desk: services.desk, limiter: SignInLimiter(database: services.database),
        secureCookies: configuration.secureCookies,
        admin: AdminController(
            renderer: services.renderer, desk: services.desk, rules: services.rules, ruleBook: services.ruleBook,
            retentionDefaults: configuration.retention)
    ).addRoutes(to: router)
    AlertDeskController(
        renderer: services.renderer, desk: services.desk, actions: alertActions
    )
    .addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    InsightWebController(
        renderer: services.renderer, builder: dashboards, monitor: services.alerts, actions: alertActions,
        mentions: services.mentions, audit: AuditLog(database: services.database),
        boundary: services.desk.teamBoundary
    ).addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    experience.addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    AnnouncementPagesController(renderer: services.renderer, desk: services.desk)
        .addPages(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    KnowledgeBaseWebController(renderer: services.renderer, desk: services.desk)
        .addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    CommunityAPIController(community: services.community).addRoutes(to: api)
    CommunityController(
        renderer: services.renderer, community: services.community, secureCookies: configuration.secureCookies
    ).addRoutes(to: router.group().add(middleware: CommunitySessionMiddleware(members: services.community.members)))
    ModerationPagesController(renderer: services.renderer, community: services.community)
        .addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    AccountController(
        renderer: services.renderer, users: services.desk.users, tokens: services.tokens,
        passwordCost: services.desk.passwordCost
    ).addRoutes(to: router.group().add(middleware: SessionMiddleware(desk: services.desk)))
    return router
}
