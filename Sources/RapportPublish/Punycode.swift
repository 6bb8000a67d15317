/// The length of a domain label once encoded as IDNA punycode (RFC 3492), which is what twitter-text checks
/// against the 63-character DNS label limit: a host whose label grows past 63 characters is not a link.
/// Only the length is needed, so only the encoder is written.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 0x80

    /// The length of the ASCII form of `label`: the label itself when it is ASCII, else `xn--` and the
    /// punycode. Returns nil when encoding would overflow (a label no DNS name can hold anyway).
    static func asciiLength(of label: [Unicode.Scalar]) -> Int? {
        let basic = label.filter(\.isASCII).count
        if basic == label.count { return label.count }
        var output = basic + (basic > 0 ? 1 : 0)
        var n = initialN
        var delta = 0
        var bias = initialBias
        var handled = basic
        let values = label.map { Int($0.value) }
        while handled < values.count {
            guard let m = values.filter({ $0 >= n }).min() else { return nil }
            let (step, overflow) = (m - n).multipliedReportingOverflow(by: handled + 1)
            if overflow || delta > Int(Int32.max) { return nil }
            delta += step
            n = m
            for c in values {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output += 1
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output += 1
                    bias = adapt(delta: delta, count: handled + 1, first: handled == basic)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output + 4
    }

    private static func adapt(delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
