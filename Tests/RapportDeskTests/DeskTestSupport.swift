import Foundation
import RapportAnalysis
import RapportCore

@testable import RapportDesk

/// An ISO 8601 instant (`2025-03-07T15:00:00Z`).
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
    return date
}

let t0 = instant("2025-03-03T10:00:00Z")

func analysis(
    language: String = "en", intents: [Intent.Name] = [], level: Level = .relevant, influence: Int = 10,
    sentiment: Sentiment.Label = .neutral
) -> PostAnalysis {
    PostAnalysis(
        sentiment: Sentiment(label: sentiment, score: sentiment == .negative ? -0.6 : 0),
        intents: intents.map { Intent(name: $0, confidence: 0.9) }, language: language, topics: [],
        influence: influence, level: level, reasons: [])
}

func newConversation(
    id: ConversationID = 1, network: Network = .x, kind: ChannelKind = .publicThread, customer: CustomerID = 7,
    at date: Date = t0
) -> Conversation {
    ConversationMachine.start(
        id: id, channel: Channel(network: network, kind: kind), customerID: customer, firstMessage: 100, at: date
    ).conversation
}
