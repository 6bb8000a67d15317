import Foundation

extension EventFactory {
    /// Builds the event for an arrival at `offset` seconds into the run; `sequence` makes its ids unique.
    func event(_ kind: Kind, offset: Double, sequence: UInt64, _ rng: inout SimulationRandom)
        -> SimulatedEvent
    {
        let content = content(kind, &rng)
        let person: AuthorPool.Person
        if kind == .influencer {
            person = influencer
        } else {
            person = pool.person(pool.drawIndex(&rng))
        }
        let author = pool.author(person, on: content.network)
        let createdAt = config.start.addingTimeInterval(offset)
        let post = post(content, author: author, createdAt: createdAt, sequence: sequence, &rng)
        let truth = GroundTruth(
            brand: content.brand?.name, intent: content.intent, sentiment: content.sentiment,
            isIncident: kind != .baseline, isInfluencer: kind == .influencer, isDuplicate: false,
            network: content.network, language: content.language,
            externalID: externalID(post, content.network),
            authorIndex: person.index, authorFollowers: author.followers, topic: content.topic)
        return SimulatedEvent(
            format: content.network.format,
            payload: payload(content, post: post, author: author, person: person),
            timestamp: createdAt, truth: truth)
    }

    /// The incident's influential author: one well-known, verified account outside the pool.
    private var influencer: AuthorPool.Person {
        AuthorPool.Person(
            index: pool.size, name: "Sam Carter", stem: "samcarter",
            followers: config.incident?.influencerFollowers ?? 0,
            verified: true, bio: "Broadcaster. Views my own.", hash: salt)
    }

    private func post(
        _ content: Content, author: SimulatedAuthor, createdAt: Date, sequence: UInt64,
        _ rng: inout SimulationRandom
    ) -> SimulatedPost {
        // Engagement scales with audience (≈ 0.3 % of followers, log-normally spread); anger travels further.
        let reach = Double(author.followers) * 0.003 * exp(rng.normal() * 1.2)
        let spread = content.sentiment == .negative ? 0.3 : 0.12
        let title: String
        switch content.network {
        case .email, .rss, .reddit:
            let subjects = library.subjects[content.intent] ?? library.subjects[.question]!
            title = composer.fill(
                rng.pick(subjects),
                .init(brand: content.brand, network: content.network, topic: content.topic), &rng)
        default:
            title = ""
        }
        return SimulatedPost(
            id: postID(content.network, createdAt: createdAt, sequence: sequence), text: content.text,
            createdAt: createdAt, language: content.language, likes: Int(reach),
            reposts: Int(reach * spread),
            replies: Int(reach * 0.05) + (rng.chance(0.2) ? 1 : 0), quotes: Int(reach * spread / 8),
            title: title)
    }

    /// A platform-shaped id, unique within the run and, through the salt, across seeds.
    private func postID(_ network: SimulatedNetwork, createdAt: Date, sequence: UInt64) -> String {
        let millis = UInt64(max(0, createdAt.timeIntervalSince1970 * 1000))
        let unique = sequence &+ (salt & 0xFFFF_FFFF)
        switch network {
        case .x:
            // Snowflake: milliseconds since the X epoch, then 22 bits that never repeat within a millisecond.
            return String((millis - min(millis, 1_288_834_974_657)) << 22 | (unique & 0x3F_FFFF))
        case .mastodon:
            return String(millis << 16 | (unique & 0xFFFF))
        case .bluesky:
            return Payloads.blueskyTID(
                micros: Int64(createdAt.timeIntervalSince1970 * 1_000_000), clockID: unique)
        case .reddit:
            return String(1_000_000_000 + unique, radix: 36)
        case .facebookComment:
            return String(1_000_000_000_000 + unique)
        case .instagramComment:
            return String(17_860_000_000_000_000 + unique % 10_000_000_000_000)
        case .messenger:
            return "m_" + String(unique, radix: 36) + Payloads.base32(SplitMix64.mix(unique), count: 12)
        case .email:
            return "sim." + String(salt >> 40, radix: 16) + "." + String(sequence)
        case .webchat:
            return "msg-" + String(salt >> 40, radix: 16) + "-" + String(sequence)
        case .rss:
            return "sim-" + String(salt >> 40, radix: 16) + "-" + String(sequence)
        }
    }

    /// The id the pipeline should derive for deduplication (the platform's id of the post).
    private func externalID(_ post: SimulatedPost, _ network: SimulatedNetwork) -> String {
        switch network {
        case .email: "<" + post.id + "@mail.example.org>"
        default: post.id
        }
    }
}
