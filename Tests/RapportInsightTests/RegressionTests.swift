import Foundation
import Testing

@testable import RapportInsight

/*
 Expected values computed independently with numpy 2.4.6 and scipy 1.17.1 (statsmodels was not available;
 the multiple regression uses the design matrix and (X′X)⁻¹ directly). The script, `python3 reference.py`:

 # Reference values for RapportInsightTests (numpy 2.4.6, scipy 1.17.1).
 import numpy as np
 from scipy import stats

 np.set_printoptions(precision=17)
 print("t quantiles 0.975:", [repr(stats.t.ppf(0.975, df)) for df in (1, 2, 3, 5, 10, 30, 1000)])
 print("t quantiles 0.995 df 4, 0.9 df 7, 0.999 df 3, 0.975 df 7.5:",
       repr(stats.t.ppf(0.995, 4)), repr(stats.t.ppf(0.9, 7)), repr(stats.t.ppf(0.999, 3)), repr(stats.t.ppf(0.975, 7.5)))
 print("t cdf(2.0, 5), cdf(-1.5, 12.3):", repr(stats.t.cdf(2.0, 5)), repr(stats.t.cdf(-1.5, 12.3)))

 # Simple regression.
 x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], dtype=float)
 y = np.array([2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.3, 19.9])
 r = stats.linregress(x, y)
 n = len(x); q = stats.t.ppf(0.975, n - 2)
 print("simple: a", repr(r.intercept), "b", repr(r.slope), "se_a", repr(r.intercept_stderr), "se_b", repr(r.stderr),
       "r2", repr(r.rvalue**2), "p_b", repr(r.pvalue))
 print("simple CI b", repr(r.slope - q * r.stderr), repr(r.slope + q * r.stderr),
       "CI a", repr(r.intercept - q * r.intercept_stderr), repr(r.intercept + q * r.intercept_stderr))

 # Multiple regression, 3 covariates, via the design matrix and (X'X)^-1 directly.
 X = np.array([
     [1.0, 3.2, 10.0], [2.0, 2.9, 12.0], [3.0, 4.1, 9.0], [4.0, 3.8, 15.0], [5.0, 5.0, 11.0],
     [6.0, 4.4, 14.0], [7.0, 6.1, 13.0], [8.0, 5.5, 18.0], [9.0, 6.8, 16.0], [10.0, 7.2, 17.0],
     [11.0, 6.5, 20.0], [12.0, 8.0, 19.0]])
 Y = np.array([14.1, 15.9, 17.2, 21.0, 21.8, 24.1, 26.9, 29.5, 31.2, 33.8, 35.1, 38.0])
 A = np.column_stack([np.ones(len(Y)), X])
 beta, *_ = np.linalg.lstsq(A, Y, rcond=None)
 res = Y - A @ beta
 dof = len(Y) - A.shape[1]
 s2 = res @ res / dof
 cov = s2 * np.linalg.inv(A.T @ A)
 se = np.sqrt(np.diag(cov))
 r2 = 1 - res @ res / np.sum((Y - Y.mean())**2)
 print("multiple beta", [repr(v) for v in beta])
 print("multiple se", [repr(v) for v in se])
 print("multiple r2", repr(r2), "adj", repr(1 - (1 - r2) * (len(Y) - 1) / dof))
 print("multiple p", [repr(2 * stats.t.sf(abs(b / s), dof)) for b, s in zip(beta, se)])

 # Welch's t-test.
 g = np.array([120.0, 135.5, 98.0, 150.0, 142.0, 160.5, 131.0, 128.0])
 ref = np.array([90.0, 110.0, 95.5, 102.0, 88.0, 120.0, 99.0, 105.0, 97.0, 101.0, 93.0])
 t = stats.ttest_ind(g, ref, equal_var=False)
 va, vb = g.var(ddof=1) / len(g), ref.var(ddof=1) / len(ref)
 df = (va + vb)**2 / (va**2 / (len(g) - 1) + vb**2 / (len(ref) - 1))
 d = g.mean() - ref.mean(); sed = np.sqrt(va + vb); qq = stats.t.ppf(0.975, df)
 print("welch t", repr(t.statistic), "p", repr(t.pvalue), "df", repr(df), "diff", repr(d), "ci", repr(d - qq * sed), repr(d + qq * sed))
 m = ref.mean(); se_m = ref.std(ddof=1) / np.sqrt(len(ref)); q10 = stats.t.ppf(0.975, len(ref) - 1)
 print("ref mean", repr(m), "ci", repr(m - q10 * se_m), repr(m + q10 * se_m))

 # Percentiles.
 d = np.array([30, 45, 12, 300, 60, 75, 20, 600, 90, 15, 50])
 print("linear median/p90/p25", repr(np.percentile(d, 50)), repr(np.percentile(d, 90)), repr(np.percentile(d, 25)))
 print("nearest rank median/p90/p25", repr(np.percentile(d, 50, method="inverted_cdf")),
       repr(np.percentile(d, 90, method="inverted_cdf")), repr(np.percentile(d, 25, method="inverted_cdf")))

 # Log-log elasticity.
 sat = np.array([3.1, 3.4, 3.6, 3.9, 4.0, 4.2, 4.4, 4.5, 4.7, 4.8])
 sales = np.array([100.0, 108.0, 111.0, 123.0, 121.0, 131.0, 138.0, 137.0, 146.0, 149.0])
 e = stats.linregress(np.log(sat), np.log(sales))
 qe = stats.t.ppf(0.975, len(sat) - 2)
 eff = lambda b: 100 * (1.05**b - 1)
 print("elasticity", repr(e.slope), "se", repr(e.stderr), "effect5", repr(eff(e.slope)),
       "ci", repr(eff(e.slope - qe * e.stderr)), repr(eff(e.slope + qe * e.stderr)))
 */
@Suite("Statistics: regression, cohorts, elasticity")
struct RegressionTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(1, abs(b))
    }

    static let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    static let y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.3, 19.9]

    @Test("Simple OLS matches scipy.stats.linregress")
    func simple() throws {
        let fit = try LinearRegression(x: Self.x, y: Self.y)
        #expect(fit.count == 10 && fit.degreesOfFreedom == 8)
        #expect(Self.close(fit.intercept.estimate, 0.02000000000000135, relative: 1e-9))
        #expect(Self.close(fit.slope.estimate, 2.0036363636363634))
        #expect(Self.close(fit.intercept.standardError, 0.1284641206836882))
        #expect(Self.close(fit.slope.standardError, 0.020703867700048756))
        #expect(Self.close(fit.rSquared, 0.999146537718535))
        #expect(Self.close(fit.slope.pValue, 1.4512549681192718e-13, relative: 1e-6))
        #expect(Self.close(fit.slope.confidenceInterval.lower, 1.955893159105331))
        #expect(Self.close(fit.slope.confidenceInterval.upper, 2.0513795681673956))
        #expect(Self.close(fit.intercept.confidenceInterval.lower, -0.27623879352195063))
        #expect(Self.close(fit.intercept.confidenceInterval.upper, 0.31623879352195333))
        #expect(Self.close(fit.predict(11), 0.02 + 2.0036363636363634 * 11))
    }

    @Test("Simple OLS is stable for large x (timestamps)")
    func largeX() throws {
        let shifted = Self.x.map { $0 * 3600 + 1_763_596_800 }
        let fit = try LinearRegression(x: shifted, y: Self.y)
        #expect(Self.close(fit.slope.estimate * 3600, 2.0036363636363634, relative: 1e-8))
        #expect(Self.close(fit.rSquared, 0.999146537718535, relative: 1e-9))
    }

    @Test("Degenerate inputs throw")
    func degenerate() {
        #expect(throws: StatisticsError.tooFewObservations(needed: 3, got: 2)) {
            try LinearRegression(x: [1, 2], y: [1, 2])
        }
        #expect(throws: StatisticsError.singularDesign) { try LinearRegression(x: [3, 3, 3], y: [1, 2, 3]) }
        #expect(throws: StatisticsError.mismatchedLengths) { try LinearRegression(x: [1, 2, 3], y: [1, 2]) }
        #expect(throws: StatisticsError.nonFiniteValue) { try LinearRegression(x: [1, 2, .nan], y: [1, 2, 3]) }
        // A perfect fit has zero standard errors and p = 0.
        let exact = try? LinearRegression(x: [1, 2, 3, 4], y: [3, 5, 7, 9])
        #expect(exact?.slope.pValue == 0 && exact?.rSquared == 1)
    }

    static let rows: [[Double]] = [
        [1.0, 3.2, 10.0], [2.0, 2.9, 12.0], [3.0, 4.1, 9.0], [4.0, 3.8, 15.0], [5.0, 5.0, 11.0],
        [6.0, 4.4, 14.0], [7.0, 6.1, 13.0], [8.0, 5.5, 18.0], [9.0, 6.8, 16.0], [10.0, 7.2, 17.0],
        [11.0, 6.5, 20.0], [12.0, 8.0, 19.0],
    ]
    static let response = [14.1, 15.9, 17.2, 21.0, 21.8, 24.1, 26.9, 29.5, 31.2, 33.8, 35.1, 38.0]

    @Test("Multiple regression matches numpy least squares with (X′X)⁻¹ standard errors")
    func multiple() throws {
        let fit = try MultipleRegression(covariates: Self.rows, response: Self.response, names: ["t", "csat", "ads"])
        let beta = [4.7488976899165465, 1.3032831040268242, 1.173451784484695, 0.43358021432259286]
        let se = [0.9486980439320538, 0.13228931490598692, 0.2007727754967656, 0.05800257659797995]
        let p = [0.0010453582965707674, 9.488348079305821e-06, 0.0003850953960710004, 7.092638243505317e-05]
        #expect(fit.coefficients.map(\.name) == ["intercept", "t", "csat", "ads"])
        for index in 0..<4 {
            #expect(Self.close(fit.coefficients[index].estimate, beta[index], relative: 1e-9))
            #expect(Self.close(fit.coefficients[index].standardError, se[index], relative: 1e-9))
            #expect(Self.close(fit.coefficients[index].pValue, p[index], relative: 1e-6))
        }
        #expect(Self.close(fit.rSquared, 0.9994849371420231))
        #expect(Self.close(fit.adjustedRSquared, 0.9992917885702818))
        #expect(fit.degreesOfFreedom == 8)
        #expect(fit.coefficient(named: "csat") != nil)
    }

    @Test("Multiple regression with one covariate equals the simple fit; collinearity throws")
    func multipleAgreesWithSimple() throws {
        let simple = try LinearRegression(x: Self.x, y: Self.y)
        let multiple = try MultipleRegression(covariates: Self.x.map { [$0] }, response: Self.y)
        #expect(Self.close(multiple.coefficients[1].estimate, simple.slope.estimate, relative: 1e-12))
        #expect(Self.close(multiple.coefficients[0].standardError, simple.intercept.standardError, relative: 1e-10))
        #expect(Self.close(multiple.coefficients[1].confidenceInterval.upper, simple.slope.confidenceInterval.upper))
        let collinear = Self.rows.map { [$0[0], 2 * $0[0] + 1] }
        #expect(throws: StatisticsError.singularDesign) {
            try MultipleRegression(covariates: collinear, response: Self.response)
        }
        #expect(throws: StatisticsError.tooFewObservations(needed: 5, got: 4)) {
            try MultipleRegression(covariates: Array(Self.rows.prefix(4)), response: Array(Self.response.prefix(4)))
        }
    }

    static let promoters = [120.0, 135.5, 98.0, 150.0, 142.0, 160.5, 131.0, 128.0]
    static let passives = [90.0, 110.0, 95.5, 102.0, 88.0, 120.0, 99.0, 105.0, 97.0, 101.0, 93.0]

    @Test("Cohort comparison: means with t intervals, Welch test vs the reference (scipy ttest_ind)")
    func cohorts() throws {
        let comparison = try CohortComparison(
            samples: [
                CohortSample(name: "promoters", values: Self.promoters),
                CohortSample(name: "passives", values: Self.passives),
                CohortSample(name: "detractors", values: [70]),
            ],
            reference: "passives")
        let reference = try #require(comparison.group(named: "passives"))
        #expect(reference.versusReference == nil)
        #expect(Self.close(reference.summary.mean!, 100.04545454545455))
        #expect(Self.close(reference.summary.confidenceInterval!.lower, 93.8399332068637))
        #expect(Self.close(reference.summary.confidenceInterval!.upper, 106.25097588404539))
        let welch = try #require(comparison.group(named: "promoters")?.versusReference)
        #expect(Self.close(welch.difference, 33.07954545454545))
        #expect(Self.close(welch.tStatistic, 4.527270611702499))
        #expect(Self.close(welch.degreesOfFreedom, 9.392057873663568))
        #expect(Self.close(welch.pValue, 0.0012848571684931495, relative: 1e-8))
        #expect(Self.close(welch.confidenceInterval.lower, 16.65515483884135))
        #expect(Self.close(welch.confidenceInterval.upper, 49.50393607024955))
        // One observation: a mean, but no interval and no test.
        let single = try #require(comparison.group(named: "detractors"))
        #expect(single.summary.mean == 70 && single.summary.confidenceInterval == nil && single.versusReference == nil)
        #expect(throws: StatisticsError.unknownReference("nobody")) {
            try CohortComparison(samples: [CohortSample(name: "a", values: [1, 2])], reference: "nobody")
        }
    }

    @Test("Retention as 0/1 outcomes gives the rate and its interval")
    func retention() throws {
        let retained = CohortSample(name: "promoters", outcomes: [true, true, true, false, true, true, false, true])
        let churned = CohortSample(name: "detractors", outcomes: [false, true, false, false, true, false])
        let comparison = try CohortComparison(samples: [retained, churned], reference: "detractors")
        #expect(comparison.group(named: "promoters")?.summary.mean == 0.75)
        #expect(Self.close(comparison.group(named: "promoters")!.versusReference!.difference, 0.75 - 1.0 / 3))
    }

    static let satisfaction = [3.1, 3.4, 3.6, 3.9, 4.0, 4.2, 4.4, 4.5, 4.7, 4.8]
    static let sales = [100.0, 108.0, 111.0, 123.0, 121.0, 131.0, 138.0, 137.0, 146.0, 149.0]

    @Test("Log-log elasticity: +5 % satisfaction ≈ +4.6 % sales, with its interval")
    func elasticity() throws {
        let estimate = try ElasticityEstimate(driver: Self.satisfaction, outcome: Self.sales)
        #expect(Self.close(estimate.elasticity.estimate, 0.9230207549598922))
        #expect(Self.close(estimate.elasticity.standardError, 0.038308653467428344))
        let effect = estimate.effect(ofChange: 5)
        #expect(Self.close(effect.outcomeChangePercent, 4.606377501975323))
        #expect(Self.close(effect.confidenceInterval.lower, 4.15648182845374))
        #expect(Self.close(effect.confidenceInterval.upper, 5.058216464224596))
        let withZero = try ElasticityEstimate(driver: Self.satisfaction + [0], outcome: Self.sales + [10])
        #expect(withZero.droppedCount == 1 && withZero.regression.count == 10)
    }

    @Test("Period-change elasticity recovers a known local elasticity")
    func periodChanges() throws {
        // Outcome changes are exactly 0.8 × the driver's changes, plus a constant 1 % drift.
        let driverChanges = [0.02, -0.01, 0.03, 0.0, 0.05, -0.02, 0.01]
        var driver = [4.0]
        var outcome = [1000.0]
        for change in driverChanges {
            driver.append(driver.last! * (1 + change))
            outcome.append(outcome.last! * (1 + 0.01 + 0.8 * change))
        }
        let estimate = try ElasticityEstimate(driver: driver, outcome: outcome, method: .periodChanges)
        #expect(Self.close(estimate.elasticity.estimate, 0.8, relative: 1e-9))
        #expect(Self.close(estimate.regression.intercept.estimate, 0.01, relative: 1e-9))
        #expect(Self.close(estimate.effect(ofChange: 5).outcomeChangePercent, 4, relative: 1e-9))
    }
}
