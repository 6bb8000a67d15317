/// A post text with slots, parsed once so that filling it in the hot path is only appends.
///
/// Slots are written `{name}`: `b` brand as people cite it on the network, `name` full name, `short` short
/// name, `h` @handle, `tag` #hashtag, `c` a competitor, `city`, `n` a small number, `days`, `amount`,
/// `product`, `order`, `topic` (the incident's topic words) and `time`.
struct TextTemplate: Sendable {
    enum Slot: String, Sendable {
        case b, name, short, h, tag, c, city, n, days, amount, product, order, topic, time
    }

    enum Piece: Sendable {
        case text(String)
        case slot(Slot)
    }

    let pieces: [Piece]

    init(_ source: String) {
        var pieces: [Piece] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
            let slot = Slot(rawValue: String(rest[rest.index(after: open)..<close]))
        {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// True if the template names the brand explicitly (so a public post with it will match a listening rule).
    var mentionsBrand: Bool {
        pieces.contains {
            if case .slot(let slot) = $0 { return [.b, .name, .short, .h, .tag].contains(slot) }
            return false
        }
    }
}
