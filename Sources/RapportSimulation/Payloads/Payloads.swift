/// Builders of raw platform payloads, in exactly the shapes documented in `shared/formats`.
///
/// They are public so that tests and tools can produce realistic payloads of their own; the simulator uses
/// them for every event. All JSON is produced by `JSONWriter` (escaped by hand, no Foundation encoder).
public enum Payloads {}

/// An upstream X filtered-stream rule that a tweet matched.
public struct XMatchingRule: Sendable, Hashable {
    /// Rule id (numeric string).
    public var id: String
    /// Rule tag.
    public var tag: String

    /// Creates a rule reference.
    public init(id: String, tag: String) {
        self.id = id
        self.tag = tag
    }
}

/// An @mention or #hashtag found in a text, with offsets in Unicode code points (as X reports them).
struct TextEntity {
    var start: Int
    var end: Int
    /// The name without its sigil.
    var name: String
    var isMention: Bool

    /// Finds @handles (ASCII letters, digits, "_") and #tags (also non-ASCII letters) that start a word.
    /// Works on UTF-8 bytes for speed; offsets count code points (every byte that is not a continuation byte).
    static func scan(_ text: String) -> [TextEntity] {
        var found: [TextEntity] = []
        var text = text
        text.withUTF8 { utf8 in
            var position = 0
            var previousIsWord = false
            var open: (start: Int, isMention: Bool, from: Int)?
            func close(at index: Int, position: Int) {
                guard let entity = open else { return }
                if index > entity.from {
                    let name = String(
                        decoding: UnsafeBufferPointer(rebasing: utf8[entity.from..<index]), as: UTF8.self)
                    found.append(
                        TextEntity(start: entity.start, end: position, name: name, isMention: entity.isMention))
                }
                open = nil
            }
            for index in 0..<utf8.count {
                let byte = utf8[index]
                let isContinuation = byte & 0xC0 == 0x80
                let isASCIIWord =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                    || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F
                // Non-ASCII counts as a word character (accented letters); emoji are always space-separated here.
                let isWord = isASCIIWord || byte >= 0x80
                if let entity = open, !(isASCIIWord || (byte >= 0x80 && !entity.isMention)) {
                    close(at: index, position: position)
                }
                if open == nil && !previousIsWord && (byte == 0x40 || byte == 0x23) {
                    open = (position, byte == 0x40, index + 1)
                }
                if !isContinuation {
                    previousIsWord = isWord
                    position += 1
                }
            }
            close(at: utf8.count, position: position)
        }
        return found
    }
}
