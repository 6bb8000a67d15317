extension Analyzer {
    /// What the learned sentiment model sees and says for one English text, as one tab-separated
    /// line: lexicon score, model label, model score, the feature buckets among 2^24
    /// (space-separated; the model's own bucket is this shifted right by 24 − bits), the
    /// dense features (comma-separated), the tokens as hex bytes (space-separated; a
    /// mention is "@", a word in a negator's scope ends in "!"), then the post's form for the
    /// blend: "prose" or "post" (`SentimentModel.readsAsProse`). `scripts/train_sentiment.py`
    /// trains on these lines and re-derives the buckets from the tokens to check its hashing.
    public func sentimentFeatureLine(_ text: String) -> String {
        let infos = sentiment.lexicon.infos
        let model = sentimentModel
        return tokenizer.withTokens(text) { tokens in
            let lexicon = sentiment.score(tokens, english: true)
            let blended = model.map { $0.sentiment(tokens, lexicon: lexicon.score, infos) } ?? lexicon
            var buckets: [String] = []
            SentimentFeatures.forEachBucket(tokens, bits: 24, infos) { buckets.append(String($0)) }
            let d = SentimentFeatures.dense(tokens, lexicon: lexicon.score)
            let dense = [d.0, d.1, d.2, d.3, d.4, d.5, d.6].map { String($0) }
            var words: [String] = []
            for i in 0..<tokens.tokens.count {
                let token = tokens.tokens[i]
                var word =
                    token.flags.contains(.mention)
                    ? "@"
                    : tokens.bytes[Int(token.start)..<Int(token.start + token.length)].map { byte in
                        String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
                    }.joined()
                if SentimentFeatures.isNegated(tokens, i, infos) { word += "!" }
                words.append(word)
            }
            return [
                String(lexicon.score), blended.label.rawValue, String(blended.score), buckets.joined(separator: " "),
                dense.joined(separator: ","), words.joined(separator: " "),
                SentimentModel.readsAsProse(tokens) ? "prose" : "post",
            ].joined(separator: "\t")
        }
    }

    /// The lexicon's and the blended sentiment of an English text (for evaluation tools).
    public func englishSentiment(_ text: String) -> (lexicon: Sentiment, blended: Sentiment) {
        let infos = sentiment.lexicon.infos
        let model = sentimentModel
        return tokenizer.withTokens(text) { tokens in
            let lexicon = sentiment.score(tokens, english: true)
            return (lexicon, model.map { $0.sentiment(tokens, lexicon: lexicon.score, infos) } ?? lexicon)
        }
    }

    /// The model's class probabilities (negative, neutral, positive) for an English text, or nil
    /// without a model.
    func sentimentProbabilities(_ text: String) -> (Double, Double, Double)? {
        guard let model = sentimentModel else { return nil }
        let infos = sentiment.lexicon.infos
        return tokenizer.withTokens(text) { tokens in
            let lexicon = sentiment.score(tokens, english: true)
            return SentimentModel.probabilities(model.logits(tokens, lexicon: lexicon.score, infos))
        }
    }
}
