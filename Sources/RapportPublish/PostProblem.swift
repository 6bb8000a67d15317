/// One reason a post cannot be sent to one account as it is. Each case maps to the HTTP status the API
/// answers with (`httpStatus`) and a stable machine-readable `code`.
public enum PostProblem: Sendable, Hashable {
    /// The text (or, for `.hashtags`, its hashtag count) is over the network's limit.
    case textLimitExceeded(TextLength)
    /// Neither text nor image.
    case empty
    /// The text holds a character the network refuses (X: U+FFFE, U+FEFF, U+FFFF).
    case invalidCharacters
    /// The network needs an image (Instagram).
    case imageRequired
    /// More images than the network takes in one post.
    case tooManyImages(count: Int, limit: Int)
    /// A GIF with other images, where the network wants a GIF alone (X).
    case gifNotAlone
    /// The image at `imageIndex` is not a PNG, JPEG, GIF or WebP, or its header is broken.
    case unsupportedMedia(imageIndex: Int, reason: ImageRejection)
    /// The image is a format this network does not take (Instagram: JPEG or PNG).
    case formatNotAccepted(imageIndex: Int, format: ImageFormat, accepted: [ImageFormat])
    /// The image is larger than the network's limit.
    case tooLarge(imageIndex: Int, byteCount: Int, limit: Int)
    /// The image's width:height is outside the network's range.
    case aspectRatioOutOfRange(imageIndex: Int, width: Int, height: Int, min: AspectRatio, max: AspectRatio)

    /// The status the API answers with: 413 for a too-large file, 415 for content that is not an accepted
    /// image, 422 for everything else.
    public var httpStatus: Int {
        switch self {
        case .tooLarge: 413
        case .unsupportedMedia, .formatNotAccepted: 415
        default: 422
        }
    }

    /// A stable identifier for API clients.
    public var code: String {
        switch self {
        case .textLimitExceeded: "text_limit_exceeded"
        case .empty: "empty_post"
        case .invalidCharacters: "invalid_characters"
        case .imageRequired: "image_required"
        case .tooManyImages: "too_many_images"
        case .gifNotAlone: "gif_not_alone"
        case .unsupportedMedia: "unsupported_media"
        case .formatNotAccepted: "format_not_accepted"
        case .tooLarge: "too_large"
        case .aspectRatioOutOfRange: "aspect_ratio_out_of_range"
        }
    }
}

/// A problem and the account it concerns.
public struct TargetProblem: Sendable, Hashable {
    /// The brand account's id.
    public var accountID: String
    /// Its network.
    public var network: PublishNetwork
    /// What is wrong.
    public var problem: PostProblem

    /// Creates a target problem.
    public init(accountID: String, network: PublishNetwork, problem: PostProblem) {
        self.accountID = accountID
        self.network = network
        self.problem = problem
    }
}
