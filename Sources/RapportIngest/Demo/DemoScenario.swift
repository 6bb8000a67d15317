import Foundation
import RapportSimulation

/// The demo's simulated world, shared by `serve --demo` and the tests: the listening rules for the simulator's
/// brands, the traffic rate, and the live stream with its outage.
public enum DemoScenario {
    /// The simulator's brands as listening rules: name, brand, competitor, query.
    public static let rules: [(name: String, brand: String, competitor: Bool, query: String)] = [
        ("acme-brand", "acme", false, "acme OR @AcmeMobile OR #acme OR \"acme mobile\""),
        ("acme-outage", "acme", false, "(acme OR @AcmeMobile) AND (outage OR \"no signal\" OR down OR \"no data\")"),
        ("globex", "globex", true, "globex OR @Globex OR #globex"),
        ("initech", "initech", true, "initech OR @initech OR #initech"),
        ("umbrella", "umbrella", true, "\"umbrella energy\" OR @UmbrellaEnergy OR #umbrellaenergy"),
        ("hooli", "hooli", true, "hooli OR @hooli OR #hooli"),
        ("vandelay", "vandelay", true, "vandelay OR @VandelayAir OR #vandelay"),
    ]

    /// Simulated posts per second (weekly mean) of the history and the live stream.
    public static let defaultRate = 0.1

    /// The live stream starts this long before `serve` started, with the outage beginning then: the detector counts
    /// in 5-minute buckets on the clock and decides when a bucket closes (plus a minute of allowed lateness), so an
    /// outage begun at start would often be found only 6 or 7 minutes in, and 8–9 at the quietest hour. Five
    /// minutes of lead keep the alert within five minutes of start wherever the start falls on the grid.
    public static let liveLead: TimeInterval = 300

    /// The live stream's crisis: Acme's volume ×8 for 20 minutes, mostly complaints about an outage; an
    /// influential account joins after 4 minutes.
    public static let incident = Incident(
        brand: "Acme Mobile", topicWords: ["outage", "no signal"], start: 0, duration: 1_200, volumeMultiplier: 8,
        negativeShare: 0.85, influencerDelay: 240)

    /// The live stream from `start`: the history's rhythm (seasonality 1) and rate, so that the detector's baseline
    /// fits it, with the incident at its start.
    public static func live(start: Date, rate: Double, duration: TimeInterval = 365 * 86_400) -> SimulationConfig {
        var config = SimulationConfig(
            seed: UInt64(max(0, start.timeIntervalSince1970)), start: start, rate: rate, duration: duration,
            seasonality: 1)
        config.incident = incident
        return config
    }
}
