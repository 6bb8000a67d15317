import Testing

@testable import RapportCore

/// Bad queries fail with a message and the position of the mistake.
@Suite struct QuerySyntaxErrorTests {
    private func failure(_ query: String) -> QuerySyntaxError? {
        do {
            _ = try ListeningQuery.compile(query)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        arguments: [
            ("", 0, "empty query"),
            ("   ", 0, "empty query"),
            ("acme AND (outage OR down", 24, "expected ')' to close '(' opened at column 10"),
            ("((acme)", 7, "expected ')' to close '(' opened at column 1"),
            ("acme)", 4, "unexpected ')' without a matching '('"),
            ("acme OR", 5, "OR needs an operand on its right"),
            ("acme AND", 5, "AND needs an operand on its right"),
            ("acme AND )", 5, "AND needs an operand on its right"),
            ("OR acme", 0, "OR needs an operand on its left"),
            ("acme (AND b)", 6, "AND needs an operand on its left"),
            ("acme NOT", 5, "NOT needs an operand"),
            ("NOT", 0, "NOT needs an operand"),
            ("acme - spam", 5, "'-' must be followed directly by what to exclude"),
            ("acme \"no signal", 5, "unterminated phrase"),
            ("acme \"\"", 5, "empty phrase"),
            ("acme \" !! \"", 5, "empty phrase"),
            ("acme ()", 5, "empty parentheses"),
            ("acme foo:bar", 5, "unknown field 'foo'"),
            ("lang:", 5, "lang needs a value"),
            ("lang:english", 5, "lang expects a language code"),
            ("network:myspace", 8, "unknown network 'myspace'"),
            ("acme min_followers:lots", 19, "min_followers expects a whole number"),
            ("min_followers:1.5", 14, "min_followers expects a whole number"),
            ("verified:maybe", 9, "verified expects true or false"),
            ("kind:tweet", 5, "unknown kind 'tweet'"),
            ("origin:private", 7, "unknown origin 'private'"),
            ("author:", 7, "author needs a value"),
            ("author:s*m", 8, "'*' is only allowed at the end of an author"),
            ("ac*me", 2, "'*' is only allowed at the end of a term"),
            ("a*", 1, "a wildcard needs at least 2 characters"),
            ("*", 0, "a wildcard term must be a single word"),
            ("t-mob*", 0, "a wildcard term must be a single word"),
            ("#", 0, "'#' must be followed by a hashtag"),
            ("#acme*", 5, "wildcards work on plain terms only"),
            ("#ac-me", 0, "a hashtag can only contain"),
            ("@", 0, "'@' must be followed by a handle"),
            ("@acme!", 0, "a handle can only contain"),
            ("!!!", 0, "'!!!' has nothing to match"),
            ("acme ”", 5, "unexpected '”'"),
        ] as [(String, Int, String)])
    func pointsAtTheMistake(query: String, offset: Int, message: String) throws {
        let error = try #require(failure(query))
        #expect(error.offset == offset, "\(query): \(error)")
        #expect(error.column == offset + 1)
        #expect(error.message.contains(message), "\(query): \(error.message)")
        #expect(error.source == query)
    }

    @Test func offsetsCountCharactersNotBytes() throws {
        // An emoji alone is not searchable; é and 🎉 are one character each.
        let error = try #require(failure("café 🎉"))
        #expect(error.offset == 5)
        #expect(error.column == 6)
        #expect(failure("café \"👩‍👩‍👧 x\" AND")?.offset == 11)
    }

    @Test func caretDescriptionUnderlinesTheMistake() throws {
        let error = try #require(failure("acme AND (outage OR down"))
        #expect(
            error.caretDescription == """
                acme AND (outage OR down
                                        ^ expected ')' to close '(' opened at column 10
                """)
        #expect(error.description == "column 25: expected ')' to close '(' opened at column 10")
    }

    @Test func multiLineQueriesReportLineAndColumn() throws {
        let error = try #require(failure("acme\nAND foo:bar"))
        #expect(error.line == 2)
        #expect(error.column == 5)
        #expect(error.offset == 9)
        #expect(error.description.hasPrefix("line 2, column 5: unknown field 'foo'"))
        #expect(error.caretDescription.hasPrefix("AND foo:bar\n    ^ unknown field"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let query = String(repeating: "(", count: 500) + "acme" + String(repeating: ")", count: 500)
        let error = try #require(failure(query))
        #expect(error.message.contains("nests too deeply"))
        let negations = String(repeating: "NOT ", count: 500) + "acme"
        #expect(failure(negations)?.message.contains("nests too deeply") == true)
    }
}
