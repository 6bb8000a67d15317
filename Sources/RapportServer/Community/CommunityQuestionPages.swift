import Foundation
import RapportStore

/// `/community/questions`: published questions, newest first, with answers and whether one was accepted.
struct CommunityQuestionsPage: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var id: Int64
        var title: String
        var excerpt: String
        var answers: Int
        var answered: Bool
        var author: CommunityAuthor
        var createdText: String
    }

    var chrome: CommunityChrome
    var heading: String
    var intro: String
    var newHref: String
    var newLabel: String
    var rows: [Row]
    var hasRows: Bool
    var signedIn: Bool

    static func make(
        chrome: CommunityChrome, questions: [QuestionSummary], board: CommunityPost.Board = .public, now: Date
    ) -> CommunityQuestionsPage {
        let rows = questions.map {
            Row(
                id: $0.post.id, title: $0.post.title ?? "", excerpt: CommunityIdeasPage.excerpt($0.post.body),
                answers: $0.answers, answered: $0.acceptedAnswerID != nil, author: CommunityAuthor($0.post),
                createdText: ViewFormat.relative($0.post.createdAt, now: now))
        }
        let superfans = board == .superfans
        return CommunityQuestionsPage(
            chrome: chrome, heading: superfans ? "Superfans" : "Questions",
            intro: superfans
                ? "The superfans' own board: only members with the Superfan rank can read or post here."
                : "Ask the community: members answer each other, and the best answer is marked.",
            newHref: superfans ? "/community/superfans/new" : "/community/questions/new",
            newLabel: superfans ? "Start a thread" : "Ask a question", rows: rows, hasRows: !rows.isEmpty,
            signedIn: chrome.member != nil)
    }
}

/// `/community/questions/{id}`: the question, its answers (the accepted one first, marked "Accepted"), upvotes,
/// the asker's accept buttons and the answer form.
struct CommunityQuestionPage: Sendable, Equatable {
    struct Answer: Sendable, Equatable {
        var id: Int64
        var body: String
        var author: CommunityAuthor
        var createdText: String
        var votes: Int
        var accepted: Bool
        var isPending: Bool
        /// The viewer asked the question, and this is not the accepted answer.
        var canAccept: Bool
        var canVote: Bool
    }

    var chrome: CommunityChrome
    var id: Int64
    var title: String
    var body: String
    var author: CommunityAuthor
    var createdText: String
    var isPending: Bool
    var answers: [Answer]
    var hasAnswers: Bool
    var signedIn: Bool

    static func make(chrome: CommunityChrome, question: QuestionSummary, answers: [CommunityPost], now: Date)
        -> CommunityQuestionPage
    {
        let viewer = chrome.member?.id
        let isAsker = viewer != nil && viewer == question.post.memberID
        return CommunityQuestionPage(
            chrome: chrome, id: question.post.id, title: question.post.title ?? "", body: question.post.body,
            author: CommunityAuthor(question.post), createdText: ViewFormat.relative(question.post.createdAt, now: now),
            isPending: question.post.state == .pending,
            answers: answers.map {
                let accepted = $0.id == question.acceptedAnswerID
                let published = $0.state == .published
                return Answer(
                    id: $0.id, body: $0.body, author: CommunityAuthor($0),
                    createdText: ViewFormat.relative($0.createdAt, now: now), votes: $0.votes, accepted: accepted,
                    isPending: !published, canAccept: isAsker && published && !accepted,
                    canVote: viewer != nil && published && viewer != $0.memberID)
            }, hasAnswers: !answers.isEmpty, signedIn: viewer != nil)
    }
}

/// `/community/questions/new`.
struct CommunityNewQuestionPage: Sendable, Equatable {
    var chrome: CommunityChrome
    var heading = "Ask a question"
    var action = "/community/questions"
    var title: String
    var body: String
    var error: String?
}
