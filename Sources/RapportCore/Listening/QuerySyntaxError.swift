/// Why a listening query does not compile, and where.
///
/// `offset` counts characters (grapheme clusters) from the start of the query;
/// `line` and `column` are 1-based, for messages. The position is where the
/// mistake is: an unknown field's name, an unclosed `(`'s expected `)`, an
/// operator missing its operand.
public struct QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The query that failed to compile.
    public var source: String
    /// 0-based character offset of the mistake in `source` (may equal its length: "missing at the end").
    public var offset: Int
    /// 1-based line of the mistake.
    public var line: Int
    /// 1-based column of the mistake on its line.
    public var column: Int
    /// What is wrong, in words for the person who wrote the query.
    public var message: String

    /// Creates an error at `offset` of `source`; line and column are derived.
    public init(source: String, offset: Int, message: String) {
        self.source = source
        self.offset = offset
        self.message = message
        var line = 1
        var column = 1
        for character in source.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }

    /// `column 5: unknown field 'foo'` (with the line when the query has several).
    public var description: String {
        let place =
            source.contains(where: \.isNewline) ? "line \(line), column \(column)" : "column \(column)"
        return "\(place): \(message)"
    }

    /// The offending line of the query with a `^` under the mistake, then the message:
    ///
    ///     acme AND (outage OR down
    ///                             ^ expected ')' to close '(' opened at column 10
    public var caretDescription: String {
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let text = line - 1 < lines.count ? String(lines[line - 1]) : ""
        // Tabs keep their width so the caret lines up under them.
        let padding = text.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(text)\n\(padding)^ \(message)"
    }
}
