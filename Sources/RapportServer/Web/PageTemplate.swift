/// Every Mustache template the code renders, named once. `WebRenderer.load()` refuses to start
/// when one of them (or a partial they include) is missing, so a page can never answer
/// "template missing".
enum PageTemplate: String, CaseIterable, Sendable {
    case account
    case adminAccounts = "admin_accounts"
    case adminDesk = "admin_desk"
    case adminRules = "admin_rules"
    case alerts
    case announcements
    case announcementBanner = "announcement_banner"
    case audit
    case channels
    case communityIdea = "community_idea"
    case communityIdeaNew = "community_idea_new"
    case communityIdeas = "community_ideas"
    case communityMember = "community_member"
    case communityModeration = "community_moderation"
    case communityQuestion = "community_question"
    case communityQuestionNew = "community_question_new"
    case communityQuestions = "community_questions"
    case communitySignIn = "community_signin"
    case conversation
    case customer
    case customers
    case dashboard
    case dashboardAlerts = "dashboard_alerts"
    case error
    case helpArticle = "help_article"
    case helpIndex = "help_index"
    case inbox
    case kbArticle = "kb_article"
    case kbIndex = "kb_index"
    case login
    case mentions
    case notifications
    case revenue
    case survey
    case surveys
    case users
    case webchat

    /// Partials the pages include: checked at start too.
    static let partials = [
        "head", "foot", "inbox_rows", "alerts_list", "kb_panel", "community_head", "community_foot",
    ]
}
