import ArgumentParser
import RapportServer
import RapportStore

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token and print it (once).")
        @OptionGroup var db: DatabaseOption
        @Option var name: String

        func run() async throws {
            try await withStore(db) { database in
                let token = APITokens.generate()
                _ = try await TokenStore(database: database).create(name: name, tokenHash: APITokens.hash(token))
                print(token)
            }
        }
    }
}
