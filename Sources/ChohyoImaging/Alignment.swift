import ChohyoCore

/// A page aligned to a template: page = scale × template + offset, per axis, in
/// full-resolution pixels of the upright (deskewed and orientation-corrected) page.
public struct Alignment: Sendable, Equatable {
    public var scaleX: Double
    public var offsetX: Double
    public var scaleY: Double
    public var offsetY: Double
    /// Share of the template's ruled-line pixels found on the page (0–1).
    public var score: Double

    public init(scaleX: Double, offsetX: Double, scaleY: Double, offsetY: Double, score: Double) {
        self.scaleX = scaleX; self.offsetX = offsetX; self.scaleY = scaleY; self.offsetY = offsetY; self.score = score
    }

    public func pageX(_ templateX: Double) -> Double { scaleX * templateX + offsetX }
    public func pageY(_ templateY: Double) -> Double { scaleY * templateY + offsetY }

    /// Where a template box lands on the page (rounded outward by nothing: plain rounding).
    public func map(_ box: Box) -> (x: Int, y: Int, width: Int, height: Int) {
        let x0 = pageX(Double(box.x)), y0 = pageY(Double(box.y))
        let x1 = pageX(Double(box.x + box.width)), y1 = pageY(Double(box.y + box.height))
        return (Int(x0.rounded()), Int(y0.rounded()), Int((x1 - x0).rounded()), Int((y1 - y0).rounded()))
    }
}
