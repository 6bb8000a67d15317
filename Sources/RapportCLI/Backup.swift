import ArgumentParser
import Foundation
import RapportStore

/// `rapport backup --to FILE`: a consistent copy of a SQLite database, safe to take while `rapport serve` runs.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a live SQLite database to a new file (restore: stop Rapport and put the copy in its place).")
    @OptionGroup var db: DatabaseOption
    @Option(help: "The new file to write; it must not exist.") var to: String

    func run() async throws {
        try await withStore(db) { database in
            do {
                try await database.backup(to: to)
            } catch let error as StoreError {
                throw CLIError(error.description)
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: to)[.size] as? Int) ?? 0
            print("backed up to \(to) (\(size) bytes, integrity ok)")
        }
    }
}
