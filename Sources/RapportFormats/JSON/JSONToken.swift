/// One entry of the flat token tape the JSON parser writes.
///
/// Containers store the index just past their last descendant (`next`), so a lookup can
/// skip a whole subtree in one step. Strings store their byte range in the input, so no
/// `String` is built until a connector actually reads the value.
struct JSONToken {
    enum Kind: UInt8 {
        case null, bool, int, double, string, array, object
    }

    var kind: Kind
    /// Strings: the text holds `\` escapes and needs decoding.
    var hasEscapes: Bool
    /// Strings: byte offset of the first character. Containers: index of the next sibling token.
    var a: UInt32
    /// Strings: byte offset just past the last character. Containers: element or member count.
    var b: UInt32
    /// Integers: the value. Doubles: the bit pattern. Booleans: 0 or 1.
    var payload: Int64
}
