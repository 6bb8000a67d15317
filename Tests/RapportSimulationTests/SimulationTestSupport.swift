import Foundation
import RapportSimulation

/// Shared helpers: small, fast runs and JSON parsing with Foundation (allowed here, never in the generator).
enum SimulationTestSupport {
    /// A run of about `rate × duration` posts with a flat rate unless told otherwise.
    static func run(_ config: SimulationConfig) -> [SimulatedEvent] {
        Array(Simulator(config))
    }

    static func json(_ payload: String) -> [String: Any]? {
        guard let data = payload.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Follows a path of keys and array indices through parsed JSON.
    static func value(_ object: Any?, _ path: [Any]) -> Any? {
        var current = object
        for step in path {
            if let key = step as? String {
                current = (current as? [String: Any])?[key]
            } else if let index = step as? Int {
                guard let array = current as? [Any], index < array.count else { return nil }
                current = array[index]
            }
        }
        return current
    }
}
