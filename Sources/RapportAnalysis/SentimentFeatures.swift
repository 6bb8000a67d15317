/// The learned sentiment model's features, read from the tokenizer's output (no second pass over
/// the text): each token's hash (one multiply over its first 16 lower-cased bytes, as the lexicon
/// hashes them), hashed word unigrams and bigrams, a negation mark on words in a negator's
/// scope, and a few dense cues from the lexicon's own score.
///
/// `scripts/train_sentiment.py` computes the same hashes from the tokens `rapport analyze
/// --sentiment-features` prints, checks them against the buckets printed beside them, and trains
/// on them; `SentimentModelTests` checks a few exported values. Changing anything here means
/// retraining.
enum SentimentFeatures {
    /// Dense features, in this order: lexicon score, its positive part, "no valenced word",
    /// "has !", "has ?", all caps, tokens ÷ 50 (at most 1).
    static let denseCount = 7

    /// All @mentions hash alike ("@user"): who is addressed says little about how.
    static let mentionHash: UInt64 = 0x4D45_4E54_494F_4E31
    /// XOR-ed into the hash of a word in a negator's scope ("not good" ≠ "good").
    static let negatedMark: UInt64 = 0x6E65_6761_7465_6421

    /// The hash of a token's `length` lower-cased bytes at `p` (16 readable bytes needed).
    @inline(__always) static func tokenHash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let (w0, w1) = LexiconTable.words(p, length)
        var x = w0 ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        if length > 16 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in 16..<length { h = (h ^ UInt64(p[k])) &* 0x100_0000_01B3 }
            x ^= h
        }
        return x &* 0x9E37_79B9_7F4A_7C15
    }

    /// Bucket of a unigram hash among 2^bits.
    @inline(__always) static func unigram(_ h: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: h &>> UInt64(64 &- bits))
    }

    /// Bucket of the bigram (previous, current) among 2^bits.
    @inline(__always) static func bigram(_ previous: UInt64, _ h: UInt64, bits: Int) -> Int {
        let mixed = ((previous &* 0xC2B2_AE3D_27D4_EB4F) ^ h ^ 0x5BD1_E995_5BD1_E995) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> UInt64(64 &- bits))
    }

    /// The hash a token contributes (before the negation mark).
    @inline(__always) static func hash(_ text: TokenizedText, _ token: Token) -> UInt64 {
        if token.flags.contains(.mention) { return mentionHash }
        return tokenHash(text.bytes.baseAddress! + Int(token.start), Int(token.length))
    }

    /// Whether a negator ("not", "never", "don't") stands up to three tokens before token `i`,
    /// in the same clause.
    @inline(__always) static func isNegated(_ text: TokenizedText, _ i: Int, _ infos: UnsafePointer<TermInfo>) -> Bool {
        var j = 1
        while j <= 3 && i - j >= 0 {
            let p = text.tokens[i - j]
            if !p.flags.isDisjoint(with: [.sentenceEnd, .clauseEnd]) { return false }
            if p.term >= 0 && infos[Int(p.term)].flags.contains(.negator) { return true }
            j += 1
        }
        return false
    }

    /// Calls `body` with each hashed feature's bucket (unigrams, then the bigram ending at that
    /// token), in token order; duplicates count again.
    ///
    /// Negation is `isNegated`, followed along the tokens instead of looked back for at each: the
    /// nearest negator with no clause or sentence end at or after it negates the next three tokens
    /// (a negator that ends a clause itself negates nothing, as the look-back sees the end first).
    @inline(__always) static func forEachBucket(
        _ text: TokenizedText, bits: Int, _ infos: UnsafePointer<TermInfo>, _ body: (Int) -> Void
    ) {
        var previous: UInt64 = 0
        // Index of that negator; far below every index when there is none.
        let none = Int.min / 2
        var negator = none
        for i in 0..<text.tokens.count {
            let token = text.tokens[i]
            let h = hash(text, token)
            body(unigram(i &- negator <= 3 ? h ^ negatedMark : h, bits: bits))
            if i > 0 { body(bigram(previous, h, bits: bits)) }
            previous = h
            if !token.flags.isDisjoint(with: [.sentenceEnd, .clauseEnd]) {
                negator = none
            } else if token.term >= 0 && infos[Int(token.term)].flags.contains(.negator) {
                negator = i
            }
        }
    }

    /// The dense features for a post the lexicon scored `lexicon`.
    @inline(__always) static func dense(_ text: TokenizedText, lexicon: Double) -> (
        Double, Double, Double, Double, Double, Double, Double
    ) {
        (
            lexicon, max(lexicon, 0), lexicon == 0 ? 1 : 0, text.exclamations > 0 ? 1 : 0,
            text.questions > 0 ? 1 : 0, text.isShouting ? 1 : 0, min(Double(text.tokens.count), 50) / 50
        )
    }
}
