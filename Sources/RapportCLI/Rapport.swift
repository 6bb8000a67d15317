import ArgumentParser
import RapportBenchmarks

@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport: listen to, understand and answer what customers say, on every channel.",
        subcommands: [
            Serve.self, Migrate.self, Ingest.self, Rules.self, Token.self, Simulate.self, Analyze.self,
            Reanalyze.self, Bench.self, Pull.self, UserCommand.self, DigestCommand.self, Backup.self,
            Import.self, CustomerCommand.self, CommunityCommand.self,
        ])
}
