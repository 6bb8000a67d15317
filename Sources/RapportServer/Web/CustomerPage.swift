import Foundation
import RapportDesk
import RapportStore

/// A customer's profile: identities, facts, consent, tags, topics, surveys, conversations, notes
/// and the timeline of what they wrote.
struct CustomerPage: Sendable, Equatable {
    struct Identity: Sendable, Equatable {
        var kind: String
        var value: String
        var verified: Bool
        var evidence: String
    }

    struct ConversationLine: Sendable, Equatable {
        var id: Int64
        var subject: String
        var network: String
        var status: String
        var updatedText: String
    }

    struct Consent: Sendable, Equatable {
        var purpose: String
        var label: String
        var allowed: Bool
        var answer: String
        var detail: String?
    }

    struct Topic: Sendable, Equatable {
        var topic: String
        var count: Int
    }

    struct Duplicate: Sendable, Equatable {
        var id: Int64
        var name: String
    }

    struct Merge: Sendable, Equatable {
        var id: Int64
        var sourceID: Int64
        var targetID: Int64
        var evidence: String
        var atText: String
        var undone: Bool
        var canUndo: Bool
    }

    struct SurveyLine: Sendable, Equatable {
        var kind: String
        var sentText: String
        var answer: String
        var comment: String?
        var followUp: Int64?
        var shared: String?
    }

    var chrome: PageChrome
    var id: Int64
    var customerID: Int64
    var name: String
    var createdText: String
    var identities: [Identity]
    var facts: [FactView]
    var hasFacts: Bool
    /// Drawn by the server (escaped data only), rendered unescaped.
    var sentimentChart: String
    var conversations: [ConversationLine]
    var timeline: [MessageView]
    var tags: [String]
    var tagsText: String
    var canEdit: Bool
    var consent: [Consent]
    var topics: [Topic]
    var hasTopics: Bool
    var influence: Int?
    var peakInfluence: Int?
    var notes: [MessageView]
    var canMerge: Bool
    var mergedInto: Int64?
    var duplicates: [Duplicate]
    var hasDuplicates: Bool
    var merges: [Merge]
    var hasMerges: Bool
    var surveys: [SurveyLine]

    /// What the page is built from (read by the controller).
    struct Input: Sendable {
        var profile: CustomerProfile
        var conversations: [ConversationSummary]
        var notes: [ConversationMessage]
        var duplicates: [(id: Int64, name: String)]
        var merges: [CustomerMergeRecord]
        var surveys: [RapportStore.Survey]
    }

    static func make(_ input: Input, viewer: User, chrome: PageChrome, now: Date) -> CustomerPage {
        let profile = input.profile
        let facts = DeskViews.facts(profile.facts)
        let canMerge = viewer.role.allows(.supervisor)
        return CustomerPage(
            chrome: chrome, id: profile.id, customerID: profile.id, name: profile.name,
            createdText: ViewFormat.relative(profile.createdAt, now: now),
            identities: profile.identities.map {
                Identity(kind: $0.kind, value: $0.value, verified: $0.verified, evidence: $0.evidence)
            },
            facts: facts, hasFacts: !facts.isEmpty, sentimentChart: SentimentSparkline.svg(profile.sentimentByDay),
            conversations: input.conversations.map {
                ConversationLine(
                    id: $0.id, subject: $0.subject, network: $0.network, status: $0.status,
                    updatedText: ViewFormat.relative($0.updatedAt, now: now))
            },
            timeline: profile.timeline.map { MessageView($0, now: now) }, tags: profile.tags,
            tagsText: profile.tags.joined(separator: ", "), canEdit: viewer.role.allows(.agent),
            consent: ConsentPurpose.allCases.map { purpose in
                guard let record = profile.consent[purpose] else {
                    return Consent(
                        purpose: purpose.rawValue, label: purpose.label, allowed: profile.consent.allows(purpose),
                        answer: purpose.allowedByDefault ? "not asked (allowed)" : "not asked (not allowed)")
                }
                return Consent(
                    purpose: purpose.rawValue, label: purpose.label, allowed: profile.consent.allows(purpose),
                    answer: record.granted ? "granted" : "refused",
                    detail: "\(record.source) · \(ViewFormat.relative(record.at, now: now))")
            },
            topics: profile.topics.map { Topic(topic: $0.topic, count: $0.count) }, hasTopics: !profile.topics.isEmpty,
            influence: profile.influence, peakInfluence: profile.peakInfluence,
            notes: input.notes.map { MessageView($0, now: now) }, canMerge: canMerge, mergedInto: profile.mergedInto,
            duplicates: input.duplicates.map { Duplicate(id: $0.id, name: $0.name) },
            hasDuplicates: !input.duplicates.isEmpty,
            merges: input.merges.map { m in
                Merge(
                    id: m.id, sourceID: m.sourceID, targetID: m.targetID, evidence: m.evidence,
                    atText: ViewFormat.relative(m.at, now: now), undone: m.undone, canUndo: canMerge && !m.undone)
            }, hasMerges: !input.merges.isEmpty,
            surveys: input.surveys.map { s in
                SurveyLine(
                    kind: s.kind.rawValue.uppercased(), sentText: ViewFormat.relative(s.createdAt, now: now),
                    answer: s.score.map { "\($0)" } ?? (s.expiresAt < now ? "expired" : "not answered yet"),
                    comment: s.comment, followUp: s.followupConversationID,
                    shared: s.sharedOn.isEmpty ? nil : s.sharedOn.joined(separator: ", "))
            })
    }
}
