import Foundation

/// Checks a post against every account it is meant for, before anything is sent or stored. Pure: the
/// server maps the result to 413, 415 or 422 (the worst status first, see `PostProblem.httpStatus`) and
/// names each account, limit and measure.
public enum PostValidator {
    /// Every problem of a post for every target. `variants` maps an account id to the text that account
    /// gets instead of `text`. Each image is inspected once, whatever the number of targets.
    public static func validate(
        text: String, variants: [String: String] = [:], images: [Data], for targets: [PublishTarget]
    ) -> [TargetProblem] {
        let inspected = images.map(ImageInspector.inspect)
        return targets.flatMap { target in
            problems(text: variants[target.accountID] ?? text, images: inspected, network: target.network).map {
                TargetProblem(accountID: target.accountID, network: target.network.network, problem: $0)
            }
        }
    }

    /// The problems of one text with already-inspected images, for one network.
    public static func problems(
        text: String, images: [Result<InspectedImage, ImageRejection>], network: TargetNetwork
    ) -> [PostProblem] {
        var found: [PostProblem] = []
        let hasText = text.contains { !$0.isWhitespace }
        if !hasText, images.isEmpty { found.append(.empty) }
        found += textProblems(text, network: network)
        found += imageProblems(images, rules: MediaRules.rules(for: network))
        return found
    }

    static func textProblems(_ text: String, network: TargetNetwork) -> [PostProblem] {
        var measures: [TextLength] = []
        var found: [PostProblem] = []
        switch network {
        case .x:
            if XText.hasInvalidCharacters(text) { found.append(.invalidCharacters) }
            measures.append(XText.measure(text))
        case .bluesky:
            measures += [BlueskyText.measureGraphemes(text), BlueskyText.measureBytes(text)]
        case .mastodon(let limits):
            measures.append(MastodonText.measure(text, limits: limits))
        case .facebook:
            measures.append(MetaText.measureFacebook(text))
        case .instagram:
            measures += [MetaText.measureInstagram(text), MetaText.measureInstagramHashtags(text)]
        }
        return found + measures.filter { !$0.isWithinLimit }.map(PostProblem.textLimitExceeded)
    }

    static func imageProblems(_ images: [Result<InspectedImage, ImageRejection>], rules: MediaRules) -> [PostProblem] {
        var found: [PostProblem] = []
        if images.isEmpty, rules.imageRequired { found.append(.imageRequired) }
        if images.count > rules.maxImages { found.append(.tooManyImages(count: images.count, limit: rules.maxImages)) }
        var formats: [ImageFormat] = []
        for (index, result) in images.enumerated() {
            let image: InspectedImage
            switch result {
            case .failure(let reason):
                found.append(.unsupportedMedia(imageIndex: index, reason: reason))
                continue
            case .success(let inspected):
                image = inspected
            }
            formats.append(image.format)
            guard rules.acceptedFormats.contains(image.format) else {
                let accepted = ImageFormat.allCases.filter(rules.acceptedFormats.contains)
                found.append(.formatNotAccepted(imageIndex: index, format: image.format, accepted: accepted))
                continue
            }
            let limit = rules.maxBytes(for: image.format)
            if image.byteCount > limit {
                found.append(.tooLarge(imageIndex: index, byteCount: image.byteCount, limit: limit))
            }
            if let range = rules.aspectRatioRange, !isWithin(image, range) {
                found.append(
                    .aspectRatioOutOfRange(
                        imageIndex: index, width: image.width, height: image.height, min: range.min, max: range.max))
            }
        }
        if rules.gifMustBeAlone, formats.contains(.gif), images.count > 1 { found.append(.gifNotAlone) }
        return found
    }

    /// min ≤ width/height ≤ max, cross-multiplied (dimensions are at most 2³², so no overflow in 64 bits).
    private static func isWithin(_ image: InspectedImage, _ range: (min: AspectRatio, max: AspectRatio)) -> Bool {
        image.width * range.min.height >= image.height * range.min.width
            && image.width * range.max.height <= image.height * range.max.width
    }
}
