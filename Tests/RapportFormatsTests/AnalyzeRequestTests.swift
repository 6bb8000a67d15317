import RapportAnalysis
import RapportFormats
import Testing

/// `rapport analyze` reads its lines from the parser's token tape; these pin the field readings it kept from the
/// `JSONSerialization` reader it replaced.
@Suite struct AnalyzeRequestTests {
    private func decode(_ line: String) -> AnalyzeRequest { AnalyzeRequest.decode(ArraySlice(Array(line.utf8))) }

    private func input(_ line: String) throws -> (AnalyzeID, AnalysisInput) {
        guard case .request(let id, let input) = decode(line) else {
            Issue.record("not a request: \(line)")
            throw CancellationError()
        }
        return (id, input)
    }

    @Test func everyFieldIsRead() throws {
        let (id, a) = try input(
            #"{"id":"p1","text":"hi","lang":"en","network":"x","followers":10,"following":2,"verified":true,"likes":3,"reposts":4,"replies":5,"quotes":6,"age_minutes":1.5,"customer_value":99.5,"other":{"deep":[1,2,{"x":null}]}}"#
        )
        #expect(id == .string("p1"))
        #expect(a.text == "hi" && a.language == "en" && a.network == "x")
        #expect(a.followers == 10 && a.following == 2 && a.verified)
        #expect(a.likes == 3 && a.reposts == 4 && a.replies == 5 && a.quotes == 6)
        #expect(a.ageMinutes == 1.5 && a.customerValue == 99.5)
    }

    @Test func aRepeatedKeyKeepsItsLastValueAndAnEscapedKeyCounts() throws {
        let (id, a) = try input(#"{"id":1,"text":"first","t\u0065xt":"second","id":2.0}"#)
        #expect(a.text == "second")
        #expect(id == .int(2))
    }

    @Test func numbersAndBooleansConvertAsNSNumberDid() throws {
        let (id, a) = try input(#"{"id":true,"text":"t","followers":12.9,"verified":1,"likes":true,"quotes":1e300}"#)
        #expect(id == .int(1))
        #expect(a.followers == 12)
        #expect(a.verified)
        #expect(a.likes == 1)
        #expect(a.quotes == 0)
        #expect(try input(#"{"id":1.5,"text":"t"}"#).0 == .double(1.5))
        #expect(try input(#"{"id":null,"text":"t"}"#).0 == AnalyzeID.none)
    }

    @Test func invalidUTF8ReadsAsReplacementCharacters() throws {
        var bytes = Array(#"{"id":1,"text":"a"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#"b"}"#.utf8)
        guard case .request(_, let a) = AnalyzeRequest.decode(ArraySlice(bytes)) else {
            Issue.record("invalid UTF-8 inside a string should be repaired")
            return
        }
        #expect(a.text == "a\u{FFFD}\u{FFFD}b")
    }

    @Test func badLinesAreTold() {
        guard case .missingText(let id) = decode(#"{"id":"b","text":5}"#) else {
            Issue.record("a numeric text is missing text")
            return
        }
        #expect(id == .string("b"))
        for line in ["not json", "[1,2]", #"{"text":"a""#, #"{"text":"a"} x"#, "\"text\""] {
            guard case .invalid = decode(line) else {
                Issue.record("\(line) should be invalid")
                continue
            }
        }
        #expect(AnalyzeRequest.isBlank(ArraySlice(Array(" \t\r".utf8))))
        #expect(!AnalyzeRequest.isBlank(ArraySlice(Array(" {} ".utf8))))
    }
}
