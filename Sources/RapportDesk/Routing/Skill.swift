/// Something an agent can handle: a language, a product, or another label.
public struct Skill: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        case language, product, other
    }

    public var kind: Kind
    /// Lowercased (`es`, `billing`).
    public var value: String

    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = value.lowercased()
    }

    public static func language(_ code: String) -> Skill { Skill(.language, code) }
    public static func product(_ name: String) -> Skill { Skill(.product, name) }

    public var description: String { "\(kind.rawValue):\(value)" }
}
