import Foundation
import RapportCore

enum EmailParser {
    static func parse(_ raw: UnsafeRawBufferPointer, receivedAt: Date, limits: ParseLimits) throws(FormatError)
        -> IncomingPost?
    {
        throw FormatError(.unknownFormat, "todo")
    }
}
enum MboxParser {
    static func parse(_ raw: UnsafeRawBufferPointer, receivedAt: Date, limits: ParseLimits) -> ParseOutcome {
        ParseOutcome()
    }
}
