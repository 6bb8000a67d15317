import RapportAnalysis
import RapportCore

/// Which stored mentions need a person, and so become conversations on the desk.
///
/// Messages to the brand's own channels (DMs, email, web chat, comments on its pages, logged calls)
/// always do, unless the analysis calls them noise. Public posts found by listening do when they
/// need attention or are urgent; the rest stay in listening and the dashboards.
public enum DeskAdmission {
    public static func admits(_ post: IncomingPost, analysis: PostAnalysis?) -> Bool {
        let level = analysis?.level
        if post.origin == .owned || ChannelKind(network: post.network, kind: post.kind) != .publicThread {
            return level != .noise
        }
        guard let level else { return false }
        return level >= .attention
    }

    /// The conversation priority a message's level suggests before routing rules speak.
    public static func priority(for level: Level?) -> Priority {
        switch level {
        case .urgent: .urgent
        case .attention: .high
        case .relevant, .noise, nil: .normal
        }
    }
}
