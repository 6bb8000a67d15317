/// A width:height ratio, kept as integers so that comparisons are exact (1.91:1 is 191:100).
public struct AspectRatio: Sendable, Hashable {
    /// Width part.
    public var width: Int
    /// Height part.
    public var height: Int

    /// Creates a ratio.
    public init(_ width: Int, _ height: Int) {
        self.width = width
        self.height = height
    }
}

/// One network's limits on the images of a post. Sizes are in bytes; where a network says "5 MB" without
/// saying which megabyte, the decimal one is used, which can only refuse a file the network would have taken,
/// never the reverse (docs/publishing.md lists the sources).
public struct MediaRules: Sendable, Hashable {
    /// The most images one post may carry.
    public var maxImages: Int
    /// The largest still image.
    public var maxImageBytes: Int
    /// The largest GIF, when the network has a separate limit.
    public var maxGIFBytes: Int
    /// The formats the network takes.
    public var acceptedFormats: Set<ImageFormat>
    /// Whether a GIF must be the post's only image (X: "up to 4 photos, 1 animated GIF or 1 video").
    public var gifMustBeAlone: Bool
    /// Whether a post without an image is refused (Instagram).
    public var imageRequired: Bool
    /// The narrowest and widest accepted width:height, when the network enforces one (Instagram's feed).
    public var aspectRatioRange: (min: AspectRatio, max: AspectRatio)?

    /// The rules of a target's network.
    public static func rules(for network: TargetNetwork) -> MediaRules {
        let all = Set(ImageFormat.allCases)
        switch network {
        case .x:
            return MediaRules(
                maxImages: 4, maxImageBytes: 5_000_000, maxGIFBytes: 15_000_000, acceptedFormats: all,
                gifMustBeAlone: true, imageRequired: false, aspectRatioRange: nil)
        case .bluesky:
            return MediaRules(
                maxImages: 4, maxImageBytes: 1_000_000, maxGIFBytes: 1_000_000, acceptedFormats: all,
                gifMustBeAlone: false, imageRequired: false, aspectRatioRange: nil)
        case .mastodon(let limits):
            return MediaRules(
                maxImages: limits.maxMediaAttachments, maxImageBytes: limits.imageSizeLimit,
                maxGIFBytes: limits.imageSizeLimit, acceptedFormats: all, gifMustBeAlone: false, imageRequired: false,
                aspectRatioRange: nil)
        case .facebook:
            return MediaRules(
                maxImages: 10, maxImageBytes: 10_000_000, maxGIFBytes: 10_000_000, acceptedFormats: all,
                gifMustBeAlone: false, imageRequired: false, aspectRatioRange: nil)
        case .instagram:
            return MediaRules(
                maxImages: 10, maxImageBytes: 8_388_608, maxGIFBytes: 8_388_608, acceptedFormats: [.jpeg, .png],
                gifMustBeAlone: false, imageRequired: true,
                aspectRatioRange: (AspectRatio(4, 5), AspectRatio(191, 100)))
        }
    }

    /// The size limit for an image of `format`.
    public func maxBytes(for format: ImageFormat) -> Int {
        format == .gif ? maxGIFBytes : maxImageBytes
    }

    public static func == (lhs: MediaRules, rhs: MediaRules) -> Bool {
        lhs.maxImages == rhs.maxImages && lhs.maxImageBytes == rhs.maxImageBytes && lhs.maxGIFBytes == rhs.maxGIFBytes
            && lhs.acceptedFormats == rhs.acceptedFormats && lhs.gifMustBeAlone == rhs.gifMustBeAlone
            && lhs.imageRequired == rhs.imageRequired && lhs.aspectRatioRange?.min == rhs.aspectRatioRange?.min
            && lhs.aspectRatioRange?.max == rhs.aspectRatioRange?.max
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(maxImages)
        hasher.combine(maxImageBytes)
        hasher.combine(maxGIFBytes)
        hasher.combine(acceptedFormats)
        hasher.combine(aspectRatioRange?.min)
        hasher.combine(aspectRatioRange?.max)
    }
}
