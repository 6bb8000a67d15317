import Foundation
import RapportStore

/// The customer's survey page (`survey.mustache`): the question, the thanks after an answer, or a message
/// (link invalid, expired, already answered). Exactly one of the three is set.
struct SurveyPage: Sendable {
    var chrome: PageChrome
    var question: Question?
    var thanks: Thanks?
    var message: String?

    struct Question: Sendable {
        var text: String
        var legend: String
        var scores: [Int]
        var token: String
        /// Why the last answer was refused.
        var error: String?
    }

    struct Thanks: Sendable {
        /// The customer's first name.
        var name: String
        var promoter: Bool
        var detractor: Bool
        var token: String
        /// Networks a promoter can share on.
        var shares: [Share]
    }

    struct Share: Sendable {
        var network: String
        var label: String
    }

    static func question(_ survey: Survey, token: String, error: String?, chrome: PageChrome) -> SurveyPage {
        let csat = survey.kind == .csat
        return SurveyPage(
            chrome: chrome,
            question: Question(
                text: csat
                    ? "How satisfied are you with the help you got?"
                    : "How likely are you to recommend us to a friend or colleague?",
                legend: csat ? "1 = very unhappy, 5 = very happy" : "0 = not at all, 10 = extremely likely",
                scores: Array(survey.kind.scores), token: token, error: error))
    }

    static func thanks(_ survey: Survey, token: String, chrome: PageChrome) -> SurveyPage {
        let score = survey.score ?? 0
        return SurveyPage(
            chrome: chrome,
            thanks: Thanks(
                name: survey.customerName.split(separator: " ").first.map(String.init) ?? survey.customerName,
                promoter: survey.kind.isPromoter(score), detractor: survey.kind.isDetractor(score), token: token,
                shares: ShareLinks.networks.map { Share(network: $0.key, label: $0.label) }))
    }

    static func message(_ text: String, chrome: PageChrome) -> SurveyPage {
        SurveyPage(chrome: chrome, message: text)
    }
}
