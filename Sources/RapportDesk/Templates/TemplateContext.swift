import RapportCore

/// The variables a template may use. A key present with a nil value is known but has no value
/// here (a customer without a known first name); an absent key is unknown.
public struct TemplateContext: Hashable, Sendable {
    public var values: [String: String?]

    public init(_ values: [String: String?] = [:]) { self.values = values }

    /// Every standard variable name, valid in any canned reply.
    public static let standardNames: Set<String> = [
        "customer.first_name", "customer.name", "agent.name", "agent.first_name", "conversation.id",
        "conversation.channel",
    ]

    /// The standard variables for a reply by `agent` to `customer` in `conversation`.
    public static func standard(customer: Customer?, agent: Agent?, conversation: Conversation?) -> TemplateContext {
        TemplateContext([
            "customer.first_name": customer?.greetingName,
            "customer.name": customer?.displayName,
            "agent.name": agent?.name,
            "agent.first_name": agent.flatMap { $0.name.split(separator: " ").first.map(String.init) },
            "conversation.id": conversation.map { String($0.id.rawValue) },
            "conversation.channel": conversation?.channel.network.rawValue,
        ])
    }

    /// Adds or replaces a variable (`brand.name`).
    public func with(_ name: String, _ value: String?) -> TemplateContext {
        var copy = self
        copy.values[name] = .some(value)
        return copy
    }
}
