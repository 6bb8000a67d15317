import ArgumentParser
import Foundation
import RapportStore

/// `rapport import …`: bring data from other systems into Rapport.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import data from other systems.", subcommands: [ImportOrders.self])
}

/// `rapport import orders FILE.csv`: orders per customer, for the satisfaction → revenue report.
struct ImportOrders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Import orders per customer from a CSV file (all or nothing).",
        discussion: """
            The first line names the columns, in any order:
              customer_email,order_id,ordered_at,amount,currency
            with exactly one of customer_email, customer_id or customer_handle (e.g. @dana or x:@dana).
            ordered_at is ISO 8601 (2026-03-01T10:00:00Z or 2026-03-01), amount uses '.' decimals, currency
            is a 3-letter code. Every bad line is reported as FILE:LINE: problem and nothing is stored.
            An order_id already stored is left unchanged, so importing the same file twice is harmless.
            """)

    @OptionGroup var db: DatabaseOption

    @Argument(help: "The CSV file.")
    var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("cannot read \(file)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            printError("\(file):0: the file is not UTF-8 text")
            throw ExitCode(1)
        }
        let orders: [NewOrder]
        switch OrderCSV.parse(text) {
        case .success(let parsed): orders = parsed
        case .failure(let error):
            report(error)
            throw ExitCode(1)
        }
        try await withStore(db) { database in
            do {
                let result = try await OrderStore(database: database).record(orders)
                say("imported \(result.inserted) orders (\(result.duplicates) already stored) from \(file)")
            } catch let error as OrderImportError {
                report(error)
                throw ExitCode(1)
            }
        }
    }

    private func report(_ error: OrderImportError) {
        for problem in error.problems { printError("\(file):\(problem.line): \(problem.message)") }
        printError("nothing imported: \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s")")
    }
}
