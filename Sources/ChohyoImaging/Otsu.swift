/// Otsu's global threshold: the gray level that best separates ink from paper.
public enum Otsu {
    /// How many pixels have each gray level.
    public static func histogram(_ gray: ByteGrid) -> [Int] {
        var hist = [Int](repeating: 0, count: 256)
        for v in gray.bytes { hist[Int(v)] += 1 }
        return hist
    }

    /// Returns t such that pixels < t are ink.
    public static func threshold(_ gray: ByteGrid) -> Int {
        threshold(histogram: histogram(gray))
    }

    public static func threshold(histogram hist: [Int]) -> Int {
        let total = hist.reduce(0, +)
        guard total > 0 else { return 128 }
        var sumAll = 0.0
        for i in 0..<256 { sumAll += Double(i * hist[i]) }
        var sumB = 0.0, wB = 0, best = 0.0, t = 128
        for i in 0..<256 {
            wB += hist[i]
            if wB == 0 { continue }
            let wF = total - wB
            if wF == 0 { break }
            sumB += Double(i * hist[i])
            let mB = sumB / Double(wB), mF = (sumAll - sumB) / Double(wF)
            let between = Double(wB) * Double(wF) * (mB - mF) * (mB - mF)
            if between > best { best = between; t = i + 1 }
        }
        return t
    }

    /// The gray level below which half the pixels lie: the paper's own level in a cut that is
    /// mostly paper (a value, a check box).
    public static func median(histogram hist: [Int]) -> Int {
        let total = hist.reduce(0, +)
        var seen = 0
        for i in 0..<256 {
            seen += hist[i]
            if 2 * seen >= total { return i }
        }
        return 255
    }
}
