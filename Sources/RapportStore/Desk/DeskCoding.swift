import Foundation
import RapportDesk

/// JSON for desk values kept whole in a column (conversation state, events, routing rules):
/// the pure `RapportDesk` types stay the single definition of their shape.
enum DeskCoding {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(type, from: Data(json.utf8))
    }

    /// How an event's performer is stored: `customer:12`, `agent:3`, `rule:7`, `system`.
    static func actor(_ performer: Performer) -> String {
        switch performer {
        case .customer(let id): "customer:\(id)"
        case .agent(let id): "agent:\(id)"
        case .rule(let id): "rule:\(id)"
        case .system: "system"
        }
    }
}
