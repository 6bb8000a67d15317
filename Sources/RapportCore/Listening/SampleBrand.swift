/// A brand the simulator talks about, with the words its rules listen for.
struct SampleBrand: Sendable {
    /// Short lowercase name (`acme`), also `ListeningRule.brand`.
    var key: String
    var displayName: String
    var handle: String
    var hashtag: String
    var products: [String]
    /// Words and phrases of the brand's trouble topic (outages, delays…).
    var problems: [String]
    /// Words and phrases of money trouble.
    var billing: [String]

    static let all: [SampleBrand] = [
        SampleBrand(
            key: "acme", displayName: "Acme Mobile", handle: "AcmeMobile", hashtag: "acme",
            products: ["\"acme one\"", "\"acme 5g\"", "acmeplus", "\"acme prepaid\""],
            problems: ["outage", "down", "\"no signal\"", "\"dropped calls\"", "\"slow data\"", "\"not working\""],
            billing: ["bill*", "overcharg*", "refund", "\"roaming charges\"", "contract"]),
        SampleBrand(
            key: "globex", displayName: "Globex Telecom", handle: "Globex", hashtag: "globex",
            products: ["\"globex fiber\"", "\"globex tv\"", "globexone"],
            problems: ["outage", "down", "\"no internet\"", "\"slow internet\"", "disconnect*"],
            billing: ["bill*", "\"price increase\"", "refund", "fees"]),
        SampleBrand(
            key: "initech", displayName: "Initech Broadband", handle: "initech", hashtag: "initech",
            products: ["\"initech fiber\"", "\"tps router\"", "initech360"],
            problems: ["outage", "\"no internet\"", "\"router keeps\"", "lag*", "\"packet loss\""],
            billing: ["bill*", "\"early termination\"", "refund", "overcharg*"]),
        SampleBrand(
            key: "umbrella", displayName: "Umbrella Energy", handle: "UmbrellaEnergy", hashtag: "umbrellaenergy",
            products: ["\"smart meter\"", "\"green tariff\"", "\"umbrella solar\""],
            problems: ["\"power cut\"", "blackout", "outage", "\"no power\"", "\"meter reading\""],
            billing: ["bill*", "tariff", "\"direct debit\"", "refund", "overcharg*"]),
        SampleBrand(
            key: "hooli", displayName: "Hooli Bank", handle: "hooli", hashtag: "hoolibank",
            products: ["\"hooli card\"", "\"hooli app\"", "\"hooli savings\""],
            problems: ["\"app down\"", "\"card declined\"", "fraud", "\"cant login\"", "locked"],
            billing: ["fee*", "overdraft", "\"interest rate\"", "refund", "charge*"]),
        SampleBrand(
            key: "vandelay", displayName: "Vandelay Air", handle: "VandelayAir", hashtag: "vandelayair",
            products: ["\"vandelay miles\"", "\"business class\"", "\"vandelay app\""],
            problems: ["delay*", "cancel*", "\"lost luggage\"", "\"missed connection\"", "stranded"],
            billing: ["refund", "compensation", "\"baggage fee\"", "overbook*", "voucher"]),
    ]

    /// The name as a query: `(acme OR "acme mobile" OR @acmemobile OR #acme)`.
    var mention: String {
        let name = displayName.lowercased()
        return "(\(key) OR \"\(name)\" OR @\(handle.lowercased()) OR #\(hashtag))"
    }
}
