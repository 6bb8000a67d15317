/// A desk action refused, in the domain's words: what kind of refusal, a stable code clients can
/// branch on, a sentence people can read, and the input field at fault when there is one.
/// It says nothing about HTTP: `DomainErrorMapping` turns it into a status, once.
public struct DeskError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal; the mapping gives each its HTTP status.
    public enum Kind: Sendable, Hashable {
        /// The thing acted on does not exist.
        case notFound
        /// Well-formed input with a value the desk does not accept (names the field).
        case invalid
        /// A request parameter that cannot be read at all (an unknown queue name, say).
        case badRequest
        /// The change conflicts with the current state (closed conversation, duplicate name).
        case conflict
        /// The user's role does not allow it.
        case forbidden
        /// The input is longer than the desk keeps.
        case tooLarge
    }

    public var kind: Kind
    public var code: String
    public var message: String
    public var field: String?

    public init(_ kind: Kind, _ code: String, _ message: String, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { message }

    /// "no conversation 12".
    public static func notFound(_ what: String, _ id: Int64) -> DeskError {
        DeskError(.notFound, "not_found", "no \(what) \(id)")
    }

    /// A value of `field` the desk does not accept.
    public static func invalid(_ code: String, field: String, _ message: String) -> DeskError {
        DeskError(.invalid, code, message, field: field)
    }

    public static func conflict(_ code: String, _ message: String) -> DeskError {
        DeskError(.conflict, code, message)
    }

    public static func forbidden(_ message: String) -> DeskError {
        DeskError(.forbidden, "forbidden", message)
    }
}
