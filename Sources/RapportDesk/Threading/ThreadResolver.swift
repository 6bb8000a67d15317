import RapportCore

/// Decides which conversation a new message belongs to.
///
/// Evidence is tried strongest first: the parent message itself, then (email) the References chain
/// newest first, then the thread the network names. Direct messages and chat sessions thread by
/// their thread key only. A match on a closed conversation starts a new one linked to it. On public
/// threads, evidence pointing at another customer's conversation is ignored.
public enum ThreadResolver {
    public static func resolve(_ input: ThreadingInput, index: some ThreadIndex) -> ThreadingResult {
        let messageKey = MessageKey(network: input.network, externalID: input.externalID)
        let keys = threadKeys(for: input)
        var found: (ThreadedConversation, ThreadEvidence)?
        // Public threads have many participants; a conversation is one customer's.
        func fits(_ conversation: ThreadedConversation?) -> ThreadedConversation? {
            guard let conversation else { return nil }
            guard input.channelKind == .publicThread, let mine = input.customerID, let theirs = conversation.customerID
            else { return conversation }
            return mine == theirs ? conversation : nil
        }

        if let parent = input.inReplyToID, !parent.isEmpty {
            let key = MessageKey(network: input.network, externalID: parent)
            if let conversation = fits(index.conversation(containing: key)) {
                found = (conversation, .parentMessage(key))
            }
        }
        if found == nil, input.network == .email {
            // The newest reference is the closest ancestor still stored (mail clients trim the middle).
            for reference in input.references.reversed() where !reference.isEmpty {
                let key = MessageKey(network: .email, externalID: reference)
                if let conversation = fits(index.conversation(containing: key)) {
                    found = (conversation, .emailReference(reference))
                    break
                }
            }
        }
        if found == nil {
            for key in keys {
                if let conversation = fits(index.conversation(for: key)) {
                    found = (conversation, .thread(key))
                    break
                }
                // A reply chain's root may be a stored message even if no key was recorded for it.
                if key.kind == .replyChain || key.kind == .emailThread,
                    let conversation = fits(
                        index.conversation(containing: MessageKey(network: key.network, externalID: key.id)))
                {
                    found = (conversation, .thread(key))
                    break
                }
            }
        }

        let decision: ThreadingDecision
        switch found {
        case .some((let conversation, let evidence)) where conversation.status != .closed:
            decision = .existing(conversation.id, evidence: evidence)
        case .some((let conversation, _)):
            decision = .startNew(previous: conversation.id)
        case .none:
            decision = .startNew(previous: nil)
        }
        return ThreadingResult(decision: decision, messageKey: messageKey, threadKeys: keys)
    }

    /// The thread keys a message carries, strongest first.
    public static func threadKeys(for input: ThreadingInput) -> [ThreadKey] {
        let network = input.network
        switch input.channelKind {
        case .chat:
            return [ThreadKey(.chatSession, network: network, id: input.threadID ?? input.authorExternalID)]
        case .directMessage:
            // One running DM thread per customer account and network.
            return [ThreadKey(.directMessages, network: network, id: input.threadID ?? input.authorExternalID)]
        case .email:
            // The thread root: first References id, else the parent, else this message starts it.
            let root = input.references.first ?? input.threadID ?? input.inReplyToID ?? input.externalID
            return [ThreadKey(.emailThread, network: network, id: root)]
        case .publicThread, .logged:
            let root = input.threadID ?? (input.inReplyToID == nil ? input.externalID : nil)
            return root.map { [ThreadKey(.replyChain, network: network, id: $0)] } ?? []
        }
    }
}
