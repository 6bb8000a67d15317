/// Bounds that keep hostile documents from using unbounded memory or stack.
public struct ParseLimits: Sendable, Hashable {
    /// Whole documents larger than this are refused with `document_too_large`.
    public var maxDocumentBytes: Int
    /// Deepest JSON nesting accepted.
    public var maxJSONDepth: Int
    /// Deepest XML element nesting accepted.
    public var maxXMLDepth: Int
    /// Deepest MIME multipart nesting accepted.
    public var maxMIMEDepth: Int

    public init(
        maxDocumentBytes: Int = 64 << 20, maxJSONDepth: Int = JSONParser.defaultMaxDepth, maxXMLDepth: Int = 256,
        maxMIMEDepth: Int = 16
    ) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxJSONDepth = maxJSONDepth
        self.maxXMLDepth = maxXMLDepth
        self.maxMIMEDepth = maxMIMEDepth
    }

    public static let `default` = ParseLimits()
}
