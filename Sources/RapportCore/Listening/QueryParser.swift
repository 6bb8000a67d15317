/// Recursive-descent parser for the listening query grammar (see
/// docs/listening-rules.md): `NOT` binds tighter than `AND` (explicit or
/// implicit between adjacent operands), which binds tighter than `OR`.
struct QueryParser {
    let source: String
    private var tokens: [QueryToken]
    private var index = 0

    /// Deep enough for any hand-written rule, shallow enough to never exhaust the stack.
    static let maximumDepth = 64

    init(source: String) throws(QuerySyntaxError) {
        self.source = source
        self.tokens = try QueryLexer(source: source).tokens()
    }

    mutating func parse() throws(QuerySyntaxError) -> QueryNode {
        guard current.kind != .end else {
            throw error(at: 0, "empty query: write at least one term, phrase, #hashtag, @handle or field")
        }
        let node = try parseOr(depth: 0)
        if current.kind == .closeParen {
            throw error(at: current.offset, "unexpected ')' without a matching '('")
        }
        return node
    }

    private var current: QueryToken { tokens[index] }

    private mutating func advance() { index += 1 }

    private mutating func parseOr(depth: Int) throws(QuerySyntaxError) -> QueryNode {
        var operands = [try parseAnd(depth: depth)]
        while current.kind == .or {
            let operatorToken = current
            advance()
            guard current.startsOperand else {
                throw error(at: operatorToken.offset, "OR needs an operand on its right")
            }
            operands.append(try parseAnd(depth: depth))
        }
        return .any(operands)
    }

    private mutating func parseAnd(depth: Int) throws(QuerySyntaxError) -> QueryNode {
        var operands = [try parseUnary(depth: depth)]
        while true {
            if current.kind == .and {
                let operatorToken = current
                advance()
                guard current.startsOperand else {
                    throw error(at: operatorToken.offset, "AND needs an operand on its right")
                }
            } else if !current.startsOperand {
                break
            }
            operands.append(try parseUnary(depth: depth))
        }
        return .all(operands)
    }

    private mutating func parseUnary(depth: Int) throws(QuerySyntaxError) -> QueryNode {
        let token = current
        guard token.kind == .not || token.kind == .minus else { return try parsePrimary(depth: depth) }
        guard depth < Self.maximumDepth else { throw error(at: token.offset, "query nests too deeply") }
        advance()
        guard current.startsOperand else {
            let name = token.kind == .not ? "NOT" : "'-'"
            throw error(at: token.offset, "\(name) needs an operand")
        }
        let operand = try parseUnary(depth: depth + 1)
        // NOT NOT x is x; keeps the tree small for generated rules.
        if case .not(let inner) = operand { return inner }
        return .not(operand)
    }

    private mutating func parsePrimary(depth: Int) throws(QuerySyntaxError) -> QueryNode {
        let token = current
        switch token.kind {
        case .openParen:
            guard depth < Self.maximumDepth else {
                throw error(at: token.offset, "query nests too deeply")
            }
            advance()
            if current.kind == .closeParen {
                throw error(at: token.offset, "empty parentheses: put a term between '(' and ')'")
            }
            let inner = try parseOr(depth: depth + 1)
            guard current.kind == .closeParen else {
                throw error(
                    at: current.offset, "expected ')' to close '(' opened at column \(column(of: token))")
            }
            advance()
            return inner
        case .closeParen:
            throw error(at: token.offset, "unexpected ')' without a matching '('")
        case .and:
            throw error(at: token.offset, "AND needs an operand on its left")
        case .or:
            throw error(at: token.offset, "OR needs an operand on its left")
        case .phrase(let text):
            advance()
            return try QueryTermParser(source: source).phrase(text, offset: token.offset)
        case .word(let text):
            advance()
            return try QueryTermParser(source: source).word(text, offset: token.offset)
        case .not, .minus, .end:
            // parseUnary and the callers' startsOperand checks never get here.
            throw error(at: token.offset, "expected a term")
        }
    }

    private func column(of token: QueryToken) -> Int {
        QuerySyntaxError(source: source, offset: token.offset, message: "").column
    }

    private func error(at offset: Int, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(source: source, offset: offset, message: message)
    }
}
