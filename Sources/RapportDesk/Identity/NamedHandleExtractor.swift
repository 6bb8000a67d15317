import Foundation

/// A handle a message names, with the network the words around it point to.
public struct NamedHandle: Hashable, Sendable {
    /// Nil when no cue names the network ("write to @danaw"): only a suggestion can come of it.
    public var identity: Identity?
    public var handle: String
    /// The sentence it was found in, kept as evidence.
    public var excerpt: String
}

/// Finds handles people name in their messages: "I also tweeted you as @danaw", "I'm dana.bsky.social
/// on Bluesky", "u/danaw on reddit", "@dana@mastodon.social". Works per sentence so a cue word only
/// applies to handles near it.
public enum NamedHandleExtractor {
    private static let cues: [(words: [String], kind: Identity.Kind)] = [
        (["tweet", "tweeted", "tweeting", "twitter", "x.com", "on x", "as x"], .x),
        (["instagram", "insta", "ig"], .instagram),
        (["mastodon", "toot", "tooted", "fediverse"], .mastodon),
        (["bluesky", "bsky", "skeet", "skeeted"], .blueskyHandle),
        (["reddit", "subreddit"], .reddit),
    ]

    public static func extract(from text: String) -> [NamedHandle] {
        var found: [NamedHandle] = []
        for sentence in sentences(text) {
            // Whole-word cues, so "xbox" is not "x" and "instant" is not "insta".
            let lower = sentence.lowercased()
            let words = " " + String(lower.map { $0.isLetter || $0.isNumber ? $0 : " " }) + " "
            let cued = cues.filter { cue in
                cue.words.contains { $0.contains(".") ? lower.contains($0) : words.contains(" \($0) ") }
            }.map(\.kind)
            for token in sentence.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" }) {
                let word = String(token).trimmingCharacters(in: CharacterSet(charactersIn: ".!?:;\"'"))
                guard let (handle, explicit) = handle(in: word) else { continue }
                let kind = explicit ?? (cued.count == 1 ? cued[0] : nil)
                found.append(
                    NamedHandle(
                        identity: kind.map { Identity($0, handle) }, handle: handle,
                        excerpt: sentence.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        var seen = Set<NamedHandle>()
        return found.filter { seen.insert($0).inserted }
    }

    /// The handle in a word and, when its shape alone says so, its network.
    private static func handle(in word: String) -> (String, Identity.Kind?)? {
        if word.hasPrefix("u/") || word.hasPrefix("/u/") {
            let clean = String(word.dropFirst(word.hasPrefix("/u/") ? 3 : 2))
            return isHandleBody(clean) ? (clean, .reddit) : nil
        }
        guard word.hasPrefix("@") else {
            // A bare Bluesky handle: name.bsky.social.
            if word.lowercased().hasSuffix(".bsky.social"), word.count > 12 { return (word, .blueskyHandle) }
            return nil
        }
        let body = String(word.dropFirst())
        let parts = body.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 2, isHandleBody(String(parts[0])), parts[1].contains(".") {
            return (body, .mastodon)  // @user@instance
        }
        guard parts.count == 1, isHandleBody(body) else { return nil }
        if body.lowercased().hasSuffix(".bsky.social") { return (body, .blueskyHandle) }
        return (body, nil)
    }

    private static func isHandleBody(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64
            && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// Sentences: split at line breaks, `!`, `?` and ". " (a period inside a handle ends nothing).
    private static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "!" || $0 == "?" })
            .flatMap { $0.components(separatedBy: ". ") }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
