/// Group means with confidence intervals, and each group's difference from a reference group by Welch's
/// t-test — e.g. promoters vs passives vs detractors on later spend or retention rate, with the passives (or
/// detractors) as reference.
///
/// Each comparison is tested at the given level on its own: with several groups, no correction for multiple
/// comparisons is applied (multiply p-values by the number of comparisons for a Bonferroni reading). The
/// groups are observational: a difference is an association, not the effect of moving a customer from one
/// group to another.
public struct CohortComparison: Sendable, Hashable, Codable {
    /// One group's summary and its comparison with the reference.
    public struct Group: Sendable, Hashable, Codable {
        /// Group name.
        public let name: String
        /// Mean and its interval.
        public let summary: SampleSummary
        /// Difference from the reference group; nil for the reference itself and when either group has fewer
        /// than two values.
        public let versusReference: WelchTest?
    }

    /// Name of the reference group.
    public let reference: String
    /// Groups in input order.
    public let groups: [Group]
    /// Confidence level of every interval.
    public let confidenceLevel: Double

    /// Compares every sample with the one named `reference`. Throws if the reference is missing, on non-finite
    /// values or an invalid level.
    public init(samples: [CohortSample], reference: String, confidenceLevel: Double = 0.95) throws(StatisticsError) {
        guard samples.contains(where: { $0.name == reference }) else { throw .unknownReference(reference) }
        var summaries: [SampleSummary] = []
        for sample in samples {
            summaries.append(try SampleSummary(sample.values, confidenceLevel: confidenceLevel))
        }
        let referenceIndex = samples.firstIndex { $0.name == reference }!
        let referenceSummary = summaries[referenceIndex]
        self.reference = reference
        self.confidenceLevel = confidenceLevel
        self.groups = samples.indices.map { index in
            Group(
                name: samples[index].name, summary: summaries[index],
                versusReference: index == referenceIndex
                    ? nil
                    : WelchTest(
                        group: summaries[index], reference: referenceSummary, confidenceLevel: confidenceLevel))
        }
    }

    /// The group named `name`.
    public func group(named name: String) -> Group? { groups.first { $0.name == name } }
}
