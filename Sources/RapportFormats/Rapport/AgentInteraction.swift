import Foundation
import RapportCore

/// An interaction an agent logged by hand (see docs/formats.md):
///
/// ```json
/// {"id": "call-1", "channel": "phone",
///  "customer": {"name": "Ana Silva", "phone": "+44 20 7946 0000", "email": "ana@example.org"},
///  "agent": "jo", "summary": "Asked about roaming charges.", "occurred_at": "2026-11-20T08:00:00Z"}
/// ```
///
/// `channel` is `phone` (network `phone`, kind `call`) or `in_person` (network `in_person`,
/// kind `meeting`). The customer is identified by phone, else email, else name. The
/// agent is kept in the title (`Phone call logged by jo`). Origin `owned`.
public enum AgentInteraction {
    static func decode(_ json: JSONNode) throws(FormatError) -> IncomingPost {
        guard json.isObject else { throw .wrongType("(interaction)", expected: "an object") }
        let id = try json.requiredString("id", in: "")
        let channel = try json.requiredString("channel", in: "")
        let network: Network
        let kind: MentionKind
        let label: String
        switch channel {
        case "phone":
            (network, kind, label) = (.phone, .call, "Phone call")
        case "in_person":
            (network, kind, label) = (.inPerson, .meeting, "In-person meeting")
        default:
            throw FormatError(
                .invalidValue, "field `channel` must be `phone` or `in_person`, not `\(channel.prefix(40))`")
        }
        let customer = try json.requiredObject("customer", in: "")
        let name = try customer.requiredString("name", in: "customer")
        let phone = try customer.optionalString("phone", in: "customer")
        let email = try customer.optionalString("email", in: "customer")?.lowercased()
        let identity = phone ?? email ?? name
        let agent = try json.requiredString("agent", in: "")
        let author = Author(network: network, externalID: identity, handle: identity, displayName: name)
        return IncomingPost(
            network: network, externalID: id, author: author, text: try json.requiredString("summary", in: ""),
            title: "\(label) logged by \(agent)", createdAt: try RapportTime.required("occurred_at", in: json),
            kind: kind, origin: .owned)
    }
}
