import Foundation
import Logging
import RapportCore
import RapportStore
import Synchronization

/// The compiled listening rules in force, swapped atomically when rules change
/// (here or on another instance sharing the database).
public final class RuleBook: Sendable {
    private let state: Mutex<(matcher: RuleMatcher, version: String)>
    private let rules: RuleStore

    public init(rules: RuleStore) {
        self.rules = rules
        self.state = Mutex((try! RuleMatcher(rules: []), ""))
    }

    public var matcher: RuleMatcher { state.withLock { $0.matcher } }

    /// Recompiles from the store when the rules changed. A rule that no longer
    /// compiles is skipped (it was validated when saved).
    public func refresh(logger: Logger? = nil) async throws {
        let version = try await rules.version()
        if state.withLock({ $0.version }) == version { return }
        let all = try await rules.all()
        var usable: [ListeningRule] = []
        for rule in all {
            do {
                _ = try ListeningQuery.compile(rule.query)
                usable.append(rule)
            } catch {
                logger?.warning("listening rule \(rule.id) does not compile: \(error)")
            }
        }
        let matcher = try RuleMatcher(rules: usable)
        state.withLock { $0 = (matcher, version) }
    }
}
