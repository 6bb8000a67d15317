/// The limits a Mastodon instance announces in `GET /api/v2/instance` (`configuration.statuses` and
/// `configuration.media_attachments`). Every instance may change them, so they travel with the target
/// instead of being constants; the defaults are Mastodon's own defaults.
public struct MastodonInstanceLimits: Sendable, Hashable, Codable {
    /// `configuration.statuses.max_characters` (Mastodon's default: 500).
    public var maxCharacters: Int
    /// `configuration.statuses.characters_reserved_per_url`: what every link counts, whatever its length (23).
    public var charactersReservedPerURL: Int
    /// `configuration.statuses.max_media_attachments` (4).
    public var maxMediaAttachments: Int
    /// `configuration.media_attachments.image_size_limit` in bytes (16 MiB on a default install).
    public var imageSizeLimit: Int

    /// Mastodon's defaults, used when the instance has not been asked yet.
    public static let `default` = MastodonInstanceLimits()

    /// Creates limits; every value defaults to Mastodon's own default.
    public init(
        maxCharacters: Int = 500, charactersReservedPerURL: Int = 23, maxMediaAttachments: Int = 4,
        imageSizeLimit: Int = 16_777_216
    ) {
        self.maxCharacters = maxCharacters
        self.charactersReservedPerURL = charactersReservedPerURL
        self.maxMediaAttachments = maxMediaAttachments
        self.imageSizeLimit = imageSizeLimit
    }
}
