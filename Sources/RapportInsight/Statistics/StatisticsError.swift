/// Why a statistic could not be computed from the data given.
public enum StatisticsError: Error, Sendable, Hashable {
    /// Paired inputs (x and y, covariates and response) have different lengths.
    case mismatchedLengths
    /// Fewer usable observations than the method needs.
    case tooFewObservations(needed: Int, got: Int)
    /// A covariate is constant, or covariates are (nearly) collinear: the slope is not identified.
    case singularDesign
    /// A value is NaN or infinite.
    case nonFiniteValue
    /// A cohort comparison names a reference group that is not among the samples.
    case unknownReference(String)
    /// A confidence level outside (0, 1).
    case invalidConfidenceLevel(Double)
}
