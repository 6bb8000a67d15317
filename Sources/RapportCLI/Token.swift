import ArgumentParser
import Foundation
import RapportServer
import RapportStore

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API tokens.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token and print it (once).",
            discussion: """
                A machine token (no --user) acts within its scopes: ingest, read (public posts), rules, admin. \
                Without --scope it gets admin, as machine tokens had before scopes. A personal token (--user) \
                carries that user's role and stops working when the user is disabled.
                """)
        @OptionGroup var db: DatabaseOption
        @Option var name: String
        @Option(help: "The user (email) whose personal token this is.") var user: String?
        @Option(help: "ingest, read, rules or admin; repeat for several (machine tokens only).") var scope: [String] =
            []

        func run() async throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else {
                throw CLIError("--name must be 1 to 100 characters")
            }
            var scopes: Set<TokenScope>?
            if !scope.isEmpty {
                guard user == nil else {
                    throw CLIError("--scope is for machine tokens; a personal token has its user's role")
                }
                switch TokenScope.parseList(scope.joined(separator: ",")) {
                case .success(let parsed): scopes = parsed
                case .failure(let error): throw CLIError(error.description)
                }
            }
            try await withStore(db) { database in
                var userID: Int64?
                if let user {
                    guard let found = try await UserStore(database: database).user(email: user) else {
                        throw CLIError("no user with email \(user)")
                    }
                    guard !found.disabled else { throw CLIError("\(found.email) is disabled") }
                    userID = found.id
                }
                let token = APITokens.generate()
                _ = try await TokenStore(database: database).create(
                    name: name, tokenHash: APITokens.hash(token), userID: userID, scopes: scopes, by: userID)
                print(token)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List live tokens (never the tokens themselves).")
        @OptionGroup var db: DatabaseOption
        @Option(help: "Only this user's (email) tokens.") var user: String?

        func run() async throws {
            try await withStore(db) { database in
                var userID: Int64?
                if let user {
                    guard let found = try await UserStore(database: database).user(email: user) else {
                        throw CLIError("no user with email \(user)")
                    }
                    userID = found.id
                }
                let tokens = try await TokenStore(database: database).list(userID: userID)
                print("id\tname\tuser\tscopes\tcreated\tlast used")
                let format = ISO8601DateFormatter()
                for token in tokens {
                    let scopes =
                        token.scopes.map { $0.map(\.rawValue).joined(separator: ",") }
                        ?? (token.userID == nil ? "admin" : "role")
                    print(
                        "\(token.id)\t\(token.name)\t\(token.userID.map(String.init) ?? "-")\t\(scopes)\t"
                            + "\(format.string(from: token.createdAt))\t\(token.lastUsedAt.map(format.string(from:)) ?? "never")"
                    )
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; it stops working at once.")
        @OptionGroup var db: DatabaseOption
        @Argument(help: "The token's id (from `rapport token list`).") var id: Int64

        func run() async throws {
            try await withStore(db) { database in
                guard try await TokenStore(database: database).revoke(id: id, by: nil, address: "cli") else {
                    throw CLIError("no live token with id \(id)")
                }
                print("revoked token \(id)")
            }
        }
    }
}
