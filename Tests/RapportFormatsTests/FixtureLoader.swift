import Foundation
import RapportCore
import RapportFormats

/// Reads test fixtures copied into the test bundle.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw FixtureMissing(name: name)
        }
        return Array(try Data(contentsOf: url))
    }

    static func parse(_ format: PayloadFormat, _ name: String) throws -> ParseOutcome {
        try PayloadParser.parse(format, try bytes(name))
    }

    struct FixtureMissing: Error { var name: String }
}

/// Builds a date from an ISO 8601 literal for expectations.
func date(_ iso: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let d = formatter.date(from: iso) { return d }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: iso)!
}

/// Parses a document given as a string.
func parse(_ format: PayloadFormat, _ text: String) throws(FormatError) -> ParseOutcome {
    try PayloadParser.parse(format, Array(text.utf8))
}

/// Parses one line given as a string.
func parseLine(_ format: PayloadFormat, _ text: String) throws(FormatError) -> LineResult {
    try PayloadParser.parseLine(format, Array(text.utf8))
}

extension LineResult {
    var post: IncomingPost? {
        if case .post(let p) = self { return p }
        return nil
    }
}
