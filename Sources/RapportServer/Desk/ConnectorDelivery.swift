import Foundation
import Logging
import RapportIngest
import RapportStore

/// Sends replies through the connectors the deployment has configured. Web chat is answered
/// locally (the visitor's widget reads the conversation); a network with no connected account
/// fails visibly on the message instead of pretending to send.
public struct ConnectorDelivery: ReplyDelivery {
    /// In the demo, replies to the simulated networks are accepted locally and marked as such.
    public var simulateNetworks: Bool

    public init(simulateNetworks: Bool = false) {
        self.simulateNetworks = simulateNetworks
    }

    public func deliver(_ item: OutboxItem) async -> DeliveryResult {
        if item.network == "webchat" { return .sent(externalID: "webchat-\(item.messageID)") }
        if simulateNetworks { return .sent(externalID: "simulated-\(item.network)-\(item.messageID)") }
        return .failed(reason: "no \(item.network) account is connected to Rapport: the reply was not sent")
    }
}
