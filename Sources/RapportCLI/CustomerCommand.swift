import ArgumentParser
import Foundation
import RapportStore

/// `rapport customer export ID` and `rapport customer erase ID`: the data-subject rights from the command line,
/// audited like the API's (no user; "from" names the command line, the system user and the host).
struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Export or erase everything stored about a customer.",
        subcommands: [Export.self, Erase.self])

    static var origin: String {
        "command line, user \(NSUserName()) on \(ProcessInfo.processInfo.hostName)"
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one JSON document with everything stored about the customer (and profiles merged into it)."
        )
        @OptionGroup var db: DatabaseOption
        @Argument(help: "The customer's id.") var id: Int64

        func run() async throws {
            try await withStore(db) { database in
                guard
                    let export = try await CustomerExporter(database: database).export(
                        customerID: id, by: nil, from: CustomerCommand.origin)
                else { throw ValidationError("no customer \(id)") }
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(export))
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase the customer's personal data everywhere (one transaction; counts are kept).",
            discussion: "A customer erased before is left as it is (exit 0, \"already erased\").")
        @OptionGroup var db: DatabaseOption
        @Argument(help: "The customer's id.") var id: Int64

        func run() async throws {
            try await withStore(db) { database in
                guard
                    let report = try await CustomerEraser(database: database).erase(
                        customerID: id, by: nil, from: CustomerCommand.origin)
                else { throw ValidationError("no customer \(id)") }
                if report.alreadyErased {
                    print("customer \(id) was already erased; nothing changed")
                } else {
                    print("erased customer \(id): \(report.summary)")
                }
            }
        }
    }
}
