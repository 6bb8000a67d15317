import Foundation

/// A person who signs in to the desk. Agents, supervisors and admins can be assigned conversations.
public struct User: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role
    public var isAway: Bool
    public var capacity: Int
    /// Skills for routing, e.g. `language:es`, `product:billing`.
    public var skills: [String]
    public var disabled: Bool

    public init(
        id: Int64, email: String, name: String, role: Role, isAway: Bool = false, capacity: Int = 25,
        skills: [String] = [], disabled: Bool = false
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.isAway = isAway
        self.capacity = capacity
        self.skills = skills
        self.disabled = disabled
    }

    /// First word of the name, for greetings and canned replies.
    public var firstName: String { name.split(separator: " ").first.map(String.init) ?? name }
}
