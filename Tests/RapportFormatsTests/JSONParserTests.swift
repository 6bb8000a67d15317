import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            #" {"a":[1,-2,3.5,1e3,true,false,null],"s":"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","e":{},"l":[] , "big":-9223372036854775808} "#
        )
        #expect(
            value["a"] == .array([.int(1), .int(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null]))
        #expect(value["s"]?.stringValue == "x\"\\/\u{8}\u{C}\n\r\té😀")
        #expect(value["e"] == .object([]))
        #expect(value["l"] == .array([]))
        #expect(value["big"] == .int(.min))
    }

    @Test func hugeIntegersBecomeDoublesAndInfinitiesAreRefused() throws {
        #expect(try JSONParser.parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
        #expect { try JSONParser.parse("1e999") } throws: { ($0 as? FormatError)?.code == .numberOutOfRange }
    }

    @Test(arguments: [
        ("", FormatError.Code.emptyDocument),
        ("{", .malformedJSON),
        (#"{"a" 1}"#, .malformedJSON),
        (#"{"a":1,}"#, .malformedJSON),
        ("[1,]", .malformedJSON),
        ("01", .malformedJSON),
        ("-", .malformedJSON),
        ("1.", .malformedJSON),
        ("tru", .malformedJSON),
        (#""abc"#, .malformedJSON),
        ("\"a\u{1}b\"", .malformedJSON),
        (#""\x""#, .malformedJSON),
        (#""\u12G4""#, .malformedJSON),
        (#""\ud83d""#, .invalidUTF8),
        (#""\ude00""#, .invalidUTF8),
        (#""\ud83d\u0041""#, .invalidUTF8),
        ("{} {}", .malformedJSON),
        ("{'a':1}", .malformedJSON),
    ])
    func malformedJSONIsRefused(text: String, code: FormatError.Code) {
        #expect { try JSONParser.parse(text) } throws: { ($0 as? FormatError)?.code == code }
    }

    @Test(
        arguments: [
            [0x22, 0xC3, 0x28, 0x22],  // bad continuation
            [0x22, 0xC0, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE2, 0x82, 0x22],  // truncated
            [0x22, 0xFF, 0x22],
        ] as [[UInt8]])
    func invalidUTF8IsRefused(bytes: [UInt8]) {
        #expect { try JSONParser.parse(bytes) } throws: { ($0 as? FormatError)?.code == .invalidUTF8 }
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect { try JSONParser.parse(deep) } throws: { ($0 as? FormatError)?.code == .tooDeep }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
    }

    @Test func errorsNameTheByteOffset() {
        #expect {
            try JSONParser.parse(#"{"a":1,"b":x}"#)
        } throws: { ($0 as? FormatError)?.message.contains("at byte 11") == true }
    }

    @Test func escapedKeysAreFound() throws {
        let post = try #require(
            try parseLine(
                .x, #"{"d\u0061ta":{"id":"1","text":"a\nb","author_id":"9","created_at":"2026-11-20T08:15:02Z"}}"#
            ).post)
        #expect(post.text == "a\nb")
    }
}
