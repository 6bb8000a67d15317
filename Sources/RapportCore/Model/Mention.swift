import Foundation
import RapportAnalysis

/// A post Rapport has kept: the normalised post, the rules it matched and its analysis.
public struct Mention: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var authorID: Int64
    public var post: IncomingPost
    /// Ids of the listening rules the post matched when it was ingested.
    public var matchedRuleIDs: [Int64]
    public var analysis: PostAnalysis?
    /// When Rapport committed the mention.
    public var ingestedAt: Date

    public init(
        id: Int64, authorID: Int64, post: IncomingPost, matchedRuleIDs: [Int64], analysis: PostAnalysis?,
        ingestedAt: Date
    ) {
        self.id = id
        self.authorID = authorID
        self.post = post
        self.matchedRuleIDs = matchedRuleIDs
        self.analysis = analysis
        self.ingestedAt = ingestedAt
    }
}

extension Mention: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, authorID = "authorId", network, externalID = "externalId", url, author, text, title, language,
            createdAt, ingestedAt, metrics, kind, origin, inReplyToID = "inReplyToId", threadID = "threadId",
            hashtags, mentionedHandles, contentID = "contentId", threadRootContentID = "threadRootContentId",
            matchedRuleIDs = "matchedRules", analysis
    }

    /// Flat JSON: the API shows a mention as one object, not a post wrapped in a record.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(authorID, forKey: .authorID)
        try c.encode(post.network, forKey: .network)
        try c.encode(post.externalID, forKey: .externalID)
        try c.encodeIfPresent(post.url, forKey: .url)
        try c.encode(post.author, forKey: .author)
        try c.encode(post.text, forKey: .text)
        try c.encodeIfPresent(post.title, forKey: .title)
        try c.encodeIfPresent(post.language, forKey: .language)
        try c.encode(post.createdAt, forKey: .createdAt)
        try c.encode(ingestedAt, forKey: .ingestedAt)
        try c.encode(post.metrics, forKey: .metrics)
        try c.encode(post.kind, forKey: .kind)
        try c.encode(post.origin, forKey: .origin)
        try c.encodeIfPresent(post.inReplyToID, forKey: .inReplyToID)
        try c.encodeIfPresent(post.threadID, forKey: .threadID)
        try c.encode(post.hashtags, forKey: .hashtags)
        try c.encode(post.mentionedHandles, forKey: .mentionedHandles)
        try c.encodeIfPresent(post.contentID, forKey: .contentID)
        try c.encodeIfPresent(post.threadRootContentID, forKey: .threadRootContentID)
        try c.encode(matchedRuleIDs, forKey: .matchedRuleIDs)
        try c.encodeIfPresent(analysis, forKey: .analysis)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        authorID = try c.decode(Int64.self, forKey: .authorID)
        post = IncomingPost(
            network: try c.decode(Network.self, forKey: .network),
            externalID: try c.decode(String.self, forKey: .externalID),
            url: try c.decodeIfPresent(String.self, forKey: .url),
            author: try c.decode(Author.self, forKey: .author),
            text: try c.decode(String.self, forKey: .text),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            language: try c.decodeIfPresent(String.self, forKey: .language),
            createdAt: try c.decode(Date.self, forKey: .createdAt),
            metrics: try c.decode(PostMetrics.self, forKey: .metrics),
            kind: try c.decode(MentionKind.self, forKey: .kind),
            origin: try c.decode(Origin.self, forKey: .origin),
            inReplyToID: try c.decodeIfPresent(String.self, forKey: .inReplyToID),
            threadID: try c.decodeIfPresent(String.self, forKey: .threadID),
            hashtags: try c.decodeIfPresent([String].self, forKey: .hashtags) ?? [],
            mentionedHandles: try c.decodeIfPresent([String].self, forKey: .mentionedHandles) ?? [],
            contentID: try c.decodeIfPresent(String.self, forKey: .contentID),
            threadRootContentID: try c.decodeIfPresent(String.self, forKey: .threadRootContentID)
        )
        matchedRuleIDs = try c.decodeIfPresent([Int64].self, forKey: .matchedRuleIDs) ?? []
        analysis = try c.decodeIfPresent(PostAnalysis.self, forKey: .analysis)
        ingestedAt = try c.decode(Date.self, forKey: .ingestedAt)
    }
}
