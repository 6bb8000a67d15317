import Foundation
import RapportCore

enum FeedParser {
    static func parse(
        _ raw: UnsafeRawBufferPointer, expected: PayloadFormat, receivedAt: Date, limits: ParseLimits
    ) throws(FormatError) -> ParseOutcome {
        throw FormatError(.unknownFormat, "todo")
    }
}
