import Foundation
import RapportShare
import RapportStore

/// The knowledge base beside a conversation: the articles suggested for the latest customer message (insert its
/// text or its public link into the reply), the colleagues who resolved the most similar conversations recently,
/// and, for supervisors on a resolved conversation, the one-click draft of an article from the reply.
struct ConversationKnowledgePanel: Sendable, Equatable {
    struct Suggestion: Sendable, Equatable {
        var id: Int64
        var title: String
        /// The article's text without markup, what "Insert" puts in the reply box.
        var text: String
        /// The public help-center link, for public published articles.
        var link: String?
    }

    struct Expert: Sendable, Equatable {
        var name: String
        var resolved: Int
    }

    var conversationID: Int64
    var suggestions: [Suggestion]
    var hasSuggestions: Bool
    var experts: [Expert]
    var hasExperts: Bool
    /// Where the page's script fetches "who has answered this before" (agents, on a conversation with a customer
    /// message); nil when the experts are already in `experts` or not shown.
    var expertsSource: String?
    var canDraft: Bool

    /// What the panel is built from (read by the controller).
    struct Input: Sendable {
        var suggested: [KnowledgeBaseArticle]
        var experts: [KnowledgeBaseExpert]
        /// The experts are to be fetched after the page is shown.
        var expertsSource = false
    }

    /// Nil when there is nothing to show (the page then renders exactly as without a knowledge base).
    static func make(
        _ input: Input, conversationID: Int64, status: String, viewerIsSupervisor: Bool, publicBaseURL: String
    ) -> ConversationKnowledgePanel? {
        let canDraft = viewerIsSupervisor && (status == "resolved" || status == "closed")
        guard !input.suggested.isEmpty || !input.experts.isEmpty || input.expertsSource || canDraft else { return nil }
        let suggestions = input.suggested.map {
            Suggestion(
                id: $0.id, title: $0.title, text: SafeMarkdown.plainText($0.body),
                link: $0.isPublic ? "\(publicBaseURL)/help/articles/\($0.id)" : nil)
        }
        let experts = input.experts.map { Expert(name: $0.name, resolved: $0.resolved) }
        return ConversationKnowledgePanel(
            conversationID: conversationID, suggestions: suggestions, hasSuggestions: !suggestions.isEmpty,
            experts: experts, hasExperts: !experts.isEmpty,
            expertsSource: input.expertsSource ? "/conversations/\(conversationID)/experts" : nil, canDraft: canDraft)
    }
}
