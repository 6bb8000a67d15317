import Foundation
import Testing

@testable import RapportAnalysis

@Suite struct AnalyzeLineProcessorTests {
    let processor = AnalyzeLineProcessor()

    @Test func outputFollowsTheContractKeyOrder() throws {
        let (json, failed) = processor.process(
            line: #"{"id": "p1", "text": "worst service ever", "followers": 2400000, "verified": true}"#, lineNumber: 1)
        #expect(!failed)
        #expect(json.hasPrefix(#"{"id":"p1","sentiment":{"label":"negative","score":-"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == ["id", "sentiment", "intents", "language", "topics", "influence", "level", "reasons"])
        #expect(object["level"] as? String == "urgent")
        #expect((object["reasons"] as? [String])?.contains("author has 2.4M followers") == true)
    }

    @Test func numericIDIsEchoedAsANumber() {
        let (json, _) = processor.process(line: #"{"id": 42, "text": "hello"}"#, lineNumber: 1)
        #expect(json.hasPrefix(#"{"id":42,"#))
    }

    @Test func invalidJSONReportsTheLine() {
        let (json, failed) = processor.process(line: "{not json", lineNumber: 7)
        #expect(failed)
        #expect(json.hasPrefix(#"{"line":7,"error":"#))
    }

    @Test func missingTextReportsTheID() {
        let (json, failed) = processor.process(line: #"{"id": "x9"}"#, lineNumber: 3)
        #expect(failed)
        #expect(json.hasPrefix(#"{"id":"x9","error":"#))
    }

    @Test func textIsEscaped() {
        #expect(AnalyzeLineProcessor.quote("a\"b\\c\n") == #""a\"b\\c\n""#)
    }
}
