import ArgumentParser
import Foundation
import RapportServer
import RapportShare
import RapportSimulation
import RapportStore

/// `rapport bench kb`: 10,000 articles and 100,000 conversations, then the suggestion API and the conversation page
/// (which shows suggestions and experts for the latest customer message) through the real server.
struct BenchKnowledgeBase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Seed N articles and M conversations, then time suggestions and the conversation page.")

    @Option(help: "Articles to seed.") var articles = 10_000
    @Option(help: "Conversations to seed.") var conversations = 100_000
    @Option(help: "Requests per kind.") var requests = 200
    @Option(help: "Database: sqlite (a temporary file) or a postgres:// URL of an empty database.") var database =
        "sqlite"
    @Option(help: "Port for the benchmark server.") var port = 18_183

    func run() async throws {
        let bench = try await PageBenchmark.open(database: database, name: "kb", port: port)
        defer { bench.close() }
        let services = bench.services
        let agent = try await services.desk.createUser(
            email: "bench-agent@rapport.test", name: "Bench Agent", role: "agent", password: "bench-password-1", by: nil
        )
        let token = APITokens.generate()
        _ = try await services.tokens.create(name: "bench", tokenHash: APITokens.hash(token), userID: agent.id)
        var started = Date()
        let ids = try await DeskSeed(database: services.database).seed(count: conversations, agentID: agent.id)
        print(String(format: "seeded %d conversations in %.1f s", conversations, Date().timeIntervalSince(started)))
        started = Date()
        _ = try await services.desk.knowledgeBase.importArticles(
            KnowledgeBaseBenchArticles.make(count: articles), by: agent.id)
        print(String(format: "seeded %d articles in %.1f s", articles, Date().timeIntervalSince(started)))
        started = Date()
        _ = try await services.desk.suggestions.suggest("warm up", limit: 1)
        print(String(format: "suggestion index built in %.2f s", Date().timeIntervalSince(started)))
        var random = SystemRandomNumberGenerator()
        let questions = KnowledgeBaseBenchArticles.questions
        print("(\(requests) requests each after 10 warm-up, sequential, loopback HTTP)")
        try await bench.time(
            [
                (
                    "suggest",
                    {
                        let q = questions[Int.random(in: 0..<questions.count, using: &random)]
                        return "/api/v1/kb/suggest?limit=5&text="
                            + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                    }
                ),
                ("kb search", { "/api/v1/kb/search?q=battery+charge" }),
                ("conversation", { "/conversations/\(Int64.random(in: ids, using: &random))" }),
            ], requests: requests, warmUp: 10, cookie: try await bench.sessionCookie(for: agent.id), bearer: token)
    }
}

/// Synthetic articles: product × problem × action, with bodies of ordinary support prose, so that the index has a
/// realistic vocabulary and posting-list lengths.
enum KnowledgeBaseBenchArticles {
    static let products = [
        "headphones", "speaker", "watch", "phone case", "charger", "laptop bag", "camera", "router", "keyboard",
        "mouse", "lamp", "kettle", "blender", "jacket", "shoes", "backpack", "subscription box", "gift card",
    ]
    static let problems = [
        "does not charge", "will not connect", "arrived damaged", "is late", "was charged twice", "needs a refund",
        "has the wrong size", "is out of stock", "needs an invoice", "must be returned", "lost its warranty card",
        "keeps disconnecting", "shows an error", "needs a firmware update", "has a missing part",
    ]
    static let words = """
        please check order account settings page open choose select confirm email link days business team support \
        shipping delivery courier parcel tracking number refund payment card statement bank return label store \
        replacement warranty battery cable adapter bluetooth pairing reset button seconds light screen update app
        """.split(separator: " ").map(String.init)

    static func make(count: Int) -> [KnowledgeBaseDraft] {
        var generator = SplitMix64(state: 42)
        return (0..<count).map { i in
            let product = products[i % products.count]
            let problem = problems[(i / products.count) % problems.count]
            let title = "Your \(product) \(problem) (\(i / (products.count * problems.count) + 1))"
            let body = (0..<80).map { _ in words[Int(generator.next() % UInt64(words.count))] }
                .joined(separator: " ")
            return KnowledgeBaseDraft(
                title: title, body: body, category: product, tags: [product], language: "en",
                visibility: i % 2 == 0 ? .public : .internal, status: .published,
                searchText: SearchText.indexText(title, body, product))
        }
    }

    static let questions = [
        "my headphones won't connect to my phone", "I was charged twice for the kettle", "where is my parcel",
        "the camera arrived damaged, I want a refund", "mi cargador no carga", "la montre ne se connecte pas",
        "I need an invoice for the laptop bag", "router keeps disconnecting every evening",
    ]
}
