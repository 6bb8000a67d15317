import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportStore

struct Rules: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        // `rule` too: issue 2's contract is `rapport rule add --name N --query Q`.
        commandName: "rules", abstract: "Manage listening rules.",
        subcommands: [List.self, Add.self, Remove.self, Check.self], aliases: ["rule"])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List listening rules.")
        @OptionGroup var db: DatabaseOption

        func run() async throws {
            try await withStore(db) { database in
                for rule in try await RuleStore(database: database).all() {
                    print(
                        "\(rule.id)\t\(rule.name)\t\(rule.brand)\(rule.isCompetitor ? " (competitor)" : "")\t\(rule.enabled ? "on" : "off")\t\(rule.query)"
                    )
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a listening rule.")
        @OptionGroup var db: DatabaseOption
        @Option var name: String
        @Option(help: "The brand the rule listens for (default: the rule's name).") var brand: String?
        @Option(help: "Query, e.g. '(acme OR @AcmeMobile) AND NOT job lang:en'") var query: String
        @Flag(help: "The rule tracks a competitor.") var competitor = false

        func run() async throws {
            let brand = self.brand ?? name
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty,
                !brand.trimmingCharacters(in: .whitespaces).isEmpty
            else { throw CLIError("--name and --brand must not be empty") }
            try Check.compileOrFail(query)
            try await withStore(db) { database in
                let rule = try await RuleStore(database: database).create(
                    name: name, brand: brand, isCompetitor: competitor, query: query)
                print("created rule \(rule.id) \(rule.name)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a listening rule.")
        @OptionGroup var db: DatabaseOption
        @Argument var id: Int64

        func run() async throws {
            try await withStore(db) { database in
                guard try await RuleStore(database: database).delete(id: id) else {
                    throw CLIError("no listening rule with id \(id)")
                }
                print("removed rule \(id)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a query's syntax and print it normalised.")
        @Argument var query: String

        func run() throws {
            print(try Self.compileOrFail(query).normalized)
        }

        @discardableResult
        static func compileOrFail(_ query: String) throws -> ListeningQuery {
            do {
                return try ListeningQuery.compile(query)
            } catch {
                throw CLIError("invalid query: \(error.message) at column \(error.column)\n\(error.caretDescription)")
            }
        }
    }
}

/// Opens and migrates the store for a one-shot command, closing it afterwards.
func withStore(_ option: DatabaseOption, _ body: (Database) async throws -> Void) async throws {
    var logger = Logger(label: "rapport")
    logger.logLevel = .warning
    let database = try await Database.open(try option.location(), logger: logger)
    do {
        try await Migrator(database: database).migrate()
        try await body(database)
    } catch {
        await database.close()
        throw error
    }
    await database.close()
}

/// A command failure: ArgumentParser prints "Error: <message>" and exits non-zero, without the usage text.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
