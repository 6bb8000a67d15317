import Foundation
import RapportCore
import RapportIngest
import RapportStore

/// What people do to an alert — acknowledge, resolve, assign — from any page or the API: the change is stored
/// and then published to the desk's live pages, so every entry point behaves the same.
struct AlertActions: Sendable {
    let store: AlertStore
    let rules: RuleStore
    let relay: AlertRelay

    /// Moves the alert to `state` on behalf of `user`.
    func setStatus(id: Int64, to state: AlertState, by user: Int64) async throws -> AlertPayload {
        try await publish(try await store.setStatus(id: id, to: state, by: user), event: state.rawValue)
    }

    /// Assigns the alert to `assignee` (nil: nobody) on behalf of `user`.
    func assign(id: Int64, to assignee: Int64?, by user: Int64) async throws -> AlertPayload {
        try await publish(try await store.assign(id: id, to: assignee, by: user), event: "assigned")
    }

    /// Listening rules by id, for alert payloads.
    func ruleMap() async throws -> [Int64: ListeningRule] {
        Dictionary(try await rules.all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private func publish(_ alert: StoredAlert, event: String) async throws -> AlertPayload {
        let payload = AlertPayload(alert, rules: try await ruleMap())
        relay.changed(payload, event: event)
        return payload
    }
}
