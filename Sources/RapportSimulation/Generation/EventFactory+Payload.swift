import Foundation

extension EventFactory {
    private static let subreddits = [
        "uktelecoms", "CasualUK", "AskUK", "personalfinance", "techsupport", "mildlyinfuriating",
        "britishproblems",
    ]
    private static let instances = ["mastodon.social", "mastodon.example", "fosstodon.org", "mas.to"]
    private static let feeds = [
        ("Gadget Weekly", "https://gadgetweekly.example/"),
        ("Telecom Review", "https://telecomreview.example/"),
        ("Money Matters Blog", "https://moneymatters.example/"),
        ("Community Forum", "https://forum.example/"),
    ]

    /// The own brand's Facebook Page id and Instagram account id, stable per brand.
    private var pageID: String {
        String(100_000_000_000_000 + ownBrand.handle.hashValueStable % 900_000_000_000_000)
    }
    private var instagramAccountID: String {
        String(17_841_400_000_000_000 + ownBrand.handle.hashValueStable % 100_000_000_000)
    }

    /// Dresses `post` as the raw payload of its network.
    func payload(
        _ content: Content, post: SimulatedPost, author: SimulatedAuthor, person: AuthorPool.Person
    )
        -> String
    {
        // Posts cluster on a few recent Page posts, Instagram media and Reddit threads, changing every few hours.
        let epoch = UInt64(max(0, post.createdAt.timeIntervalSince1970)) / 14_400
        let thread = SplitMix64.mix(salt ^ epoch ^ UInt64(person.hash % 5))
        switch content.network {
        case .x:
            let rules = content.ruleBrands.map { XMatchingRule(id: $0.ruleID, tag: $0.ruleTag) }
            return Payloads.xStreamLine(post: post, author: author, rules: rules, mentionIDs: mentionIDs)
        case .bluesky:
            return Payloads.jetstreamLine(post: post, author: author)
        case .facebookComment:
            return Payloads.metaPageFeedComment(
                post: post, author: author, pageID: pageID,
                pagePostNumber: String(5_566_000_000 + thread % 1_000_000))
        case .messenger:
            return Payloads.messengerMessage(post: post, author: author, pageID: pageID)
        case .instagramComment:
            return Payloads.instagramComment(
                post: post, author: author, accountID: instagramAccountID,
                mediaID: String(17_900_000_000_000_000 + thread % 1_000_000_000))
        case .reddit:
            return Payloads.redditListing(
                post: post, author: author,
                subreddit: Self.subreddits[Int(thread % UInt64(Self.subreddits.count))],
                threadID: String(thread % 78_364_164_096, radix: 36))
        case .mastodon:
            return Payloads.mastodonStatus(
                post: post, author: author,
                instance: Self.instances[Int(person.hash % UInt64(Self.instances.count))])
        case .email:
            return Payloads.email(
                post: post, author: author, to: "support@" + ownBrand.shortName.lowercased() + ".example")
        case .webchat:
            // One chat session per visitor and day.
            let day = UInt64(max(0, post.createdAt.timeIntervalSince1970)) / 86_400
            return Payloads.webChatMessage(
                post: post, author: author,
                sessionID: "s-" + String(SplitMix64.mix(person.hash ^ day), radix: 16))
        case .rss:
            let feed = Self.feeds[Int(person.hash % UInt64(Self.feeds.count))]
            return Payloads.rssFeed(post: post, author: author, channelTitle: feed.0, siteURL: feed.1)
        }
    }
}
