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
    /// Set by an admin's password reset: the user must choose a new password before anything else.
    public var mustChangePassword: Bool

    public init(
        id: Int64, email: String, name: String, role: Role, isAway: Bool = false, capacity: Int = 25,
        skills: [String] = [], disabled: Bool = false, mustChangePassword: Bool = false
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.isAway = isAway
        self.capacity = capacity
        self.skills = skills
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
    }

    /// First word of the name, for greetings and canned replies.
    public var firstName: String { name.split(separator: " ").first.map(String.init) ?? name }
}
