import ArgumentParser

// Scratch only: runs Sources/RapportCLI/Analyze.swift (the real `rapport analyze` command) on its own, for timing the
// whole process without building the full `rapport` (BENCHMARKS.md; `scripts/scratch-package.sh analyze`).
@main
struct AnalyzeCommandMain {
    static func main() async {
        await Analyze.main()
    }
}
