/// Finds scale and offset along one axis by correlating a page's line profile
/// with the template's: page(s·i + t) ≈ template(i). Coarse search over a grid,
/// then a fine search around each of the best few, with linear interpolation.
public enum ProfileMatcher {
    public struct Fit: Equatable {
        public let scale: Double
        public let offset: Double
        /// Normalised correlation, 0–1.
        public let score: Double
    }

    /// The best fit.
    public static func fit(template: [Double], page: [Double],
                           scales: ClosedRange<Double> = 0.92...1.08,
                           offsets: ClosedRange<Double> = -100...100) -> Fit {
        fits(template: template, page: page, count: 1, scales: scales, offsets: offsets)[0]
    }

    /// The `count` best fits that are not near one another. A form whose rows repeat at
    /// a fixed pitch correlates almost as well one row off (with a slightly wrong scale)
    /// as in the right place; the caller decides between the candidates in two dimensions.
    public static func fits(template: [Double], page: [Double], count: Int,
                            scales: ClosedRange<Double> = 0.92...1.08,
                            offsets: ClosedRange<Double> = -100...100) -> [Fit] {
        let smooth = smoothed(page)
        let nonzero = template.enumerated().filter { $0.element > 0 }.map { (Double($0.offset), $0.element) }
        let tNorm = (nonzero.reduce(0) { $0 + $1.1 * $1.1 }).squareRoot()
        let pNorm = (smooth.reduce(0) { $0 + $1 * $1 }).squareRoot()
        guard tNorm > 0, pNorm > 0 else { return [Fit(scale: 1, offset: 0, score: 0)] }

        func score(_ s: Double, _ t: Double) -> Double {
            var acc = 0.0
            for (i, v) in nonzero {
                acc += v * sample(smooth, s * i + t)
            }
            return acc / (tNorm * pNorm)
        }
        var coarse: [(s: Double, t: Double, v: Double)] = []
        var s = scales.lowerBound
        while s <= scales.upperBound + 1e-9 {
            var t = offsets.lowerBound
            while t <= offsets.upperBound {
                coarse.append((s, t, score(s, t)))
                t += 1
            }
            s += 0.0025
        }
        // Distinct peaks: a candidate is dropped when a better one lies within 8 px at the
        // template's far end (the offsets and scales of the two map its lines nearly alike).
        let extent = Double(template.count)
        var peaks: [(s: Double, t: Double, v: Double)] = []
        for c in coarse.sorted(by: { $0.v > $1.v }) {
            if peaks.count == count { break }
            let near = peaks.contains { p in abs(p.t - c.t) < 8 && abs((p.s - c.s) * extent + (p.t - c.t)) < 8 }
            if !near { peaks.append(c) }
        }
        return peaks.map { peak in
            var best = peak
            var ds = -0.003
            while ds <= 0.003 + 1e-9 {
                var dt = -1.5
                while dt <= 1.5 {
                    let v = score(peak.s + ds, peak.t + dt)
                    if v > best.v { best = (peak.s + ds, peak.t + dt, v) }
                    dt += 0.25
                }
                ds += 0.0005
            }
            return Fit(scale: best.s, offset: best.t, score: max(0, best.v))
        }
    }

    /// [1 2 3 2 1] smoothing: tolerates a pixel or two of line-position noise.
    static func smoothed(_ p: [Double]) -> [Double] {
        let k = [1.0, 2, 3, 2, 1]
        var out = [Double](repeating: 0, count: p.count)
        for i in 0..<p.count {
            var acc = 0.0
            for j in 0..<5 {
                let idx = i + j - 2
                if idx >= 0 && idx < p.count { acc += k[j] * p[idx] }
            }
            out[i] = acc / 9
        }
        return out
    }

    @inline(__always) static func sample(_ p: [Double], _ x: Double) -> Double {
        let i = Int(x.rounded(.down))
        guard i >= 0, i + 1 < p.count else { return 0 }
        let f = x - Double(i)
        return p[i] * (1 - f) + p[i + 1] * f
    }
}
