import ArgumentParser
import Logging
import RapportStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var db: DatabaseOption

    func run() async throws {
        let database = try await Database.open(try db.location(), logger: Logger(label: "rapport"))
        do {
            let applied = try await Migrator(database: database).migrate()
            let all = try await Migrator(database: database).appliedVersions()
            print(
                applied.isEmpty
                    ? "up to date (version \(all.last ?? 0))"
                    : "applied \(applied.map(String.init).joined(separator: ", "))")
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
