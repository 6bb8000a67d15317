/// What an image's bytes say about it: its real format, its size and its pixel dimensions, read from the
/// headers only (nothing is decoded).
public struct InspectedImage: Sendable, Hashable {
    /// The format its magic bytes announce.
    public var format: ImageFormat
    /// The file's size in bytes.
    public var byteCount: Int
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates an inspection result.
    public init(format: ImageFormat, byteCount: Int, width: Int, height: Int) {
        self.format = format
        self.byteCount = byteCount
        self.width = width
        self.height = height
    }
}

/// Why an upload is not an image Rapport can publish. The server answers 415 with it.
public enum ImageRejection: Error, Sendable, Hashable {
    /// Empty content.
    case empty
    /// The first bytes are not PNG, JPEG, GIF or WebP (whatever the file name or declared type say).
    case unknownFormat
    /// The magic bytes are right but the header is cut short or inconsistent, or says 0×0 pixels.
    case corrupt(ImageFormat)
}
