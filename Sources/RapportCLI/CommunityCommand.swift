import ArgumentParser
import Foundation
import Logging
import RapportServer
import RapportStore

struct CommunityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "community", abstract: "The customer community.", subcommands: [Invite.self])

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Make a customer a community member (by email) and print a one-time sign-in link as the last line.")
        @OptionGroup var db: DatabaseOption
        @Option var email: String
        @Option(help: "The display name (a new member's; an existing member keeps theirs).") var name: String

        func run() async throws {
            let configuration = try db.configuration()
            try await withStore(db) { database in
                let community = CommunityServices(
                    database: database, mail: nil, publicBaseURL: configuration.publicBaseURL,
                    logger: Logger(label: "rapport"))
                do {
                    let invitation = try await community.actions.invite(email: email, name: name, address: "cli")
                    let member = invitation.member
                    print(
                        invitation.created
                            ? "created member \(member.id) (customer \(member.customerID.map(String.init) ?? "-"))"
                            : "member \(member.id) exists; a new sign-in link")
                    print("the link works once, for 30 minutes:")
                    print(invitation.link)
                } catch let error as DeskError {
                    throw ValidationError(error.message)
                }
            }
        }
    }
}
