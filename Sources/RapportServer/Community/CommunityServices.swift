import Foundation
import Logging
import RapportAnalysis
import RapportStore

/// The community's running parts: its stores, the mail it sends, the sign-in limiter and the analyser that
/// screens posts. Built once by ``RapportServices/open(_:dispatcher:passwordCost:alertWebhook:alertMail:alertTeam:communityMail:logger:)``.
public struct CommunityServices: Sendable {
    public let database: Database
    public let members: CommunityMemberStore
    public let posts: CommunityPostStore
    public let mailQueue: CommunityMailStore
    /// Nil without an SMTP relay: sign-in links cannot be emailed (invitations still print them).
    public let mail: CommunityMail?
    public let mailWorker: CommunityMailWorker
    let limiter: SignInLimiter
    let analyzer: Analyzer
    /// The base of the links in emails.
    public let publicBaseURL: String

    public init(database: Database, mail: CommunityMail?, publicBaseURL: String, logger: Logger) {
        self.database = database
        members = CommunityMemberStore(database: database)
        posts = CommunityPostStore(database: database)
        mailQueue = CommunityMailStore(database: database)
        self.mail = mail
        mailWorker = CommunityMailWorker(store: mailQueue, mail: mail, logger: logger)
        // Sign-in links: five per email and twenty per client address in fifteen minutes.
        limiter = SignInLimiter(database: database, maxFailures: 5, window: 900, maxPerAddress: 20)
        analyzer = Analyzer()
        self.publicBaseURL = publicBaseURL
    }

    public var actions: CommunityActions { CommunityActions(community: self) }
}
