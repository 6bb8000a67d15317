import Foundation
import RapportCore

/// The one entry point connectors call: bytes in, normalised ``IncomingPost``s out. No I/O.
///
/// - Whole documents (a webhook body, a feed, an .eml, an mbox, a JSON array, or an
///   NDJSON file held in memory) go through ``parse(_:_:receivedAt:limits:)``.
/// - Long NDJSON streams go line by line through
///   ``parseLine(_:_:lineNumber:context:receivedAt:)``, so memory stays flat.
///
/// `receivedAt` is used only as the creation time of posts whose source gives none
/// (some feed items, emails without `Date`).
public enum PayloadParser {
    /// Parses a whole document.
    ///
    /// - Returns: the posts of every good item, one ``ItemFailure`` per bad item and the
    ///   count of skipped events.
    /// - Throws: ``FormatError`` when the document as a whole is unusable (not JSON, not
    ///   XML, a DOCTYPE, too large, not the expected shape).
    public static func parse(
        _ format: PayloadFormat, _ bytes: some ContiguousBytes, receivedAt: Date = Date(),
        limits: ParseLimits = .default
    ) throws(FormatError) -> ParseOutcome {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FormatError) in
                try parseDocument(format, raw, receivedAt: receivedAt, limits: limits)
            }
        }
        return try result.get()
    }

    /// Parses one line of a line-delimited format (see ``PayloadFormat/isLineDelimited``).
    ///
    /// A trailing `\r` is ignored; an empty or whitespace-only line is ``LineResult/blank``.
    /// `lineNumber` only serves error messages.
    public static func parseLine(
        _ format: PayloadFormat, _ line: some ContiguousBytes, lineNumber: Int = 1, context: inout StreamContext,
        receivedAt: Date = Date()
    ) throws(FormatError) -> LineResult {
        let result = line.withUnsafeBytes { raw in
            Result { () throws(FormatError) in
                try parseLine(
                    format, raw, context: &context, receivedAt: receivedAt, maxDepth: JSONParser.defaultMaxDepth)
            }
        }
        do {
            return try result.get()
        } catch {
            throw FormatError(error.code, "line \(lineNumber): \(error.message)")
        }
    }

    /// ``parseLine(_:_:lineNumber:context:receivedAt:)`` without cross-line state.
    public static func parseLine(
        _ format: PayloadFormat, _ line: some ContiguousBytes, lineNumber: Int = 1, receivedAt: Date = Date()
    ) throws(FormatError) -> LineResult {
        var context = StreamContext()
        return try parseLine(format, line, lineNumber: lineNumber, context: &context, receivedAt: receivedAt)
    }

    // MARK: - Dispatch

    static func parseLine(
        _ format: PayloadFormat, _ raw: UnsafeRawBufferPointer, context: inout StreamContext, receivedAt: Date,
        maxDepth: Int
    ) throws(FormatError) -> LineResult {
        var end = raw.count
        while end > 0, raw[end - 1] == 0x0D || raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
        var start = 0
        while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
        if start == end { return .blank }
        guard format.isLineDelimited else {
            throw FormatError(
                .unknownFormat, "format `\(format.rawValue)` is a whole document, not line-delimited; parse it whole")
        }
        return try JSONParser.withDocument(UnsafeRawBufferPointer(rebasing: raw[start..<end]), maxDepth: maxDepth) {
            json throws(FormatError) -> LineResult in
            switch format {
            case .x: return try XStreamParser.parse(json)
            case .bluesky: return try JetstreamParser.parse(json, context: &context)
            default: return .post(try RapportJSON.decode(json))
            }
        }
    }

    static func parseDocument(
        _ format: PayloadFormat, _ raw: UnsafeRawBufferPointer, receivedAt: Date, limits: ParseLimits
    ) throws(FormatError) -> ParseOutcome {
        guard raw.count <= limits.maxDocumentBytes else {
            throw FormatError(
                .documentTooLarge,
                "document of \(raw.count) bytes exceeds the limit of \(limits.maxDocumentBytes) bytes")
        }
        switch format {
        case .x, .bluesky, .rapport:
            if format == .rapport, firstNonWhitespace(raw) == UInt8(ascii: "[") {
                return try jsonItems(raw, limits: limits) { value throws(FormatError) in [try RapportJSON.decode(value)]
                }
            }
            return try parseLines(format, raw, receivedAt: receivedAt, limits: limits)
        case .meta:
            return try JSONParser.withDocument(raw, maxDepth: limits.maxJSONDepth, MetaWebhookParser.parse)
        case .mastodon:
            return try jsonItems(raw, limits: limits) { value throws(FormatError) in
                try MastodonStatusParser.parse(value).map { [$0] } ?? []
            }
        case .reddit:
            return try JSONParser.withDocument(raw, maxDepth: limits.maxJSONDepth, RedditListingParser.parse)
        case .webchat:
            return try jsonItems(raw, limits: limits) { value throws(FormatError) in [try WebChatMessage.decode(value)]
            }
        case .interaction:
            return try jsonItems(raw, limits: limits) { value throws(FormatError) in
                [try AgentInteraction.decode(value)]
            }
        case .rss, .atom, .feed:
            return try FeedParser.parse(raw, expected: format, receivedAt: receivedAt, limits: limits)
        case .email:
            guard let post = try EmailParser.parse(raw, receivedAt: receivedAt, limits: limits) else {
                return ParseOutcome(skipped: 1)
            }
            return ParseOutcome(posts: [post])
        case .mbox:
            return MboxParser.parse(raw, receivedAt: receivedAt, limits: limits)
        }
    }

    /// NDJSON held in memory: one failure per bad line, numbered from 1.
    private static func parseLines(
        _ format: PayloadFormat, _ raw: UnsafeRawBufferPointer, receivedAt: Date, limits: ParseLimits
    ) throws(FormatError) -> ParseOutcome {
        var outcome = ParseOutcome()
        var context = StreamContext()
        var lineNumber = 0
        var start = 0
        var pendingHandles: [Int] = []
        while start < raw.count {
            var end = start
            while end < raw.count, raw[end] != 0x0A { end += 1 }
            lineNumber += 1
            do {
                let line = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                switch try parseLine(
                    format, line, context: &context, receivedAt: receivedAt, maxDepth: limits.maxJSONDepth)
                {
                case .post(let post):
                    if post.network == .bluesky, post.author.handle == post.author.externalID {
                        pendingHandles.append(outcome.posts.count)
                    }
                    outcome.posts.append(post)
                case .skipped: outcome.skipped += 1
                case .blank: break
                }
            } catch {
                outcome.failures.append(ItemFailure(location: .line(lineNumber), error: error))
            }
            start = end + 1
        }
        // Identity events may follow a DID's first posts in the same file: fill those in.
        for index in pendingHandles {
            if let handle = context.blueskyHandles[outcome.posts[index].author.externalID] {
                JetstreamParser.apply(handle: handle, to: &outcome.posts[index])
            }
        }
        outcome.blueskyHandles = context.blueskyHandles
        if outcome.posts.isEmpty, outcome.skipped == 0, outcome.failures.isEmpty {
            throw FormatError(.emptyDocument, "document has no lines")
        }
        return outcome
    }

    /// A JSON document that is either one item object or an array of them.
    private static func jsonItems(
        _ raw: UnsafeRawBufferPointer, limits: ParseLimits,
        _ decode: (JSONNode) throws(FormatError) -> [IncomingPost]
    ) throws(FormatError) -> ParseOutcome {
        try JSONParser.withDocument(raw, maxDepth: limits.maxJSONDepth) { json throws(FormatError) in
            try items(json, decode)
        }
    }

    private static func items(
        _ json: JSONNode, _ decode: (JSONNode) throws(FormatError) -> [IncomingPost]
    ) throws(FormatError) -> ParseOutcome {
        var outcome = ParseOutcome()
        switch json.kind {
        case .object:
            // A single object's problem is the document's problem: the caller gets a 4xx.
            let posts = try decode(json)
            if posts.isEmpty { outcome.skipped += 1 }
            outcome.posts = posts
        case .array:
            for (index, item) in json.elements!.enumerated() {
                do {
                    let posts = try decode(item)
                    if posts.isEmpty { outcome.skipped += 1 }
                    outcome.posts.append(contentsOf: posts)
                } catch {
                    outcome.failures.append(ItemFailure(location: .item(index + 1), error: error))
                }
            }
        default:
            throw .wrongType("(document)", expected: "an object or an array of objects")
        }
        return outcome
    }

    private static func firstNonWhitespace(_ raw: UnsafeRawBufferPointer) -> UInt8? {
        for byte in raw where byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { return byte }
        return nil
    }
}
