import Foundation

extension Payloads {
    /// One Bluesky Jetstream `commit` event creating an `app.bsky.feed.post` record. No trailing newline.
    ///
    /// `post.id` is used as the record key (a TID); `author.id` must be the DID. Jetstream carries no handle or
    /// follower count: those arrive in separate identity events and profile look-ups.
    public static func jetstreamLine(post: SimulatedPost, author: SimulatedAuthor) -> String {
        let micros = Int64((post.createdAt.timeIntervalSince1970 * 1_000_000).rounded(.down))
        var w = JSONWriter(capacity: 480 + post.text.utf8.count)
        w.lit(#"{"did":"#)
        w.string(author.id)
        w.lit(#","time_us":"#)
        w.int(Int(micros))
        w.lit(#","kind":"commit","commit":{"rev":""#)
        w.raw(post.id)
        w.lit(#"","operation":"create","collection":"app.bsky.feed.post","rkey":""#)
        w.raw(post.id)
        w.lit(#"","record":{"$type":"app.bsky.feed.post","createdAt":""#)
        w.iso8601(post.createdAt)
        w.byte("\"")
        if let language = post.language {
            w.lit(#","langs":["#)
            w.string(language)
            w.byte("]")
        }
        w.lit(#","text":"#)
        w.string(post.text)
        w.lit(#"},"cid":"bafyrei"#)
        // A content id derived from the record key: stable, unique and shaped like a CIDv1 (base32, 59 chars).
        var hash = SplitMix64(state: post.id.hashValueStable)
        w.raw(base32(hash.next(), hash.next(), hash.next(), hash.next(), hash.next(), count: 52))
        w.lit("\"}}")
        return w.string
    }

    /// A Bluesky TID (timestamp identifier): 13 sortable base32 characters from microseconds and a clock id.
    public static func blueskyTID(micros: Int64, clockID: UInt64) -> String {
        let value = (UInt64(max(0, micros)) << 10 | (clockID & 0x3FF)) & 0x7FFF_FFFF_FFFF_FFFF
        let alphabet = Array("234567abcdefghijklmnopqrstuvwxyz".utf8)
        var out = [UInt8](repeating: 0, count: 13)
        var v = value
        for index in (0..<13).reversed() {
            out[index] = alphabet[Int(v & 31)]
            v >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func base32(_ words: UInt64..., count: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for word in words {
            var v = word
            for _ in 0..<12 where out.count < count {
                out.append(alphabet[Int(v & 31)])
                v >>= 5
            }
        }
        while out.count < count { out.append(alphabet[out.count % 32]) }
        return String(decoding: out, as: UTF8.self)
    }
}
