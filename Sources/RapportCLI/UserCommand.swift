import ArgumentParser
import Foundation
import Logging
import RapportOutbound
import RapportServer
import RapportStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage desk users.", subcommands: [Create.self, Disable.self, Enable.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user; the password is read from standard input (first line).")
        @OptionGroup var db: DatabaseOption
        @Option var email: String
        @Option var name: String
        @Option(help: "admin, supervisor, agent or analyst.") var role: String

        func run() async throws {
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError(
                    "give the password on standard input, e.g. `echo \"$PASSWORD\" | rapport user create …`")
            }
            try await withStore(db) { database in
                let desk = DeskServices(
                    database: database, dispatcher: OutboxDispatcher(senders: []), logger: Logger(label: "rapport"))
                do {
                    let user = try await desk.createUser(
                        email: email, name: name, role: role, password: password, by: nil)
                    print("created user \(user.id): \(user.email) (\(user.role.rawValue))")
                } catch let error as APIError {
                    throw ValidationError(error.message)
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: their sessions and tokens stop working at once.")
        @OptionGroup var db: DatabaseOption
        @Option var email: String

        func run() async throws { try await UserCommand.setDisabled(true, email: email, db: db) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")
        @OptionGroup var db: DatabaseOption
        @Option var email: String

        func run() async throws { try await UserCommand.setDisabled(false, email: email, db: db) }
    }

    static func setDisabled(_ disabled: Bool, email: String, db: DatabaseOption) async throws {
        try await withStore(db) { database in
            let users = UserStore(database: database)
            guard let user = try await users.user(email: email) else { throw CLIError("no user with email \(email)") }
            _ = try await users.setDisabled(disabled, userID: user.id, by: nil, address: "cli")
            print("\(disabled ? "disabled" : "enabled") user \(user.id): \(user.email)")
        }
    }
}
