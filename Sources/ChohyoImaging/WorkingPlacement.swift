import ChohyoCore

/// A template placed on a page at working resolution (`LineStructure.workingDPI`): page =
/// scale × template + offset, per axis, in working pixels of the upright page and of the
/// template. The layout matchers place and refine templates so; `Alignment` is the same
/// placement in full-resolution pixels.
struct WorkingPlacement: Equatable {
    var scaleX: Double, scaleY: Double, offsetX: Double, offsetY: Double

    init(scaleX: Double, scaleY: Double, offsetX: Double, offsetY: Double) {
        self.scaleX = scaleX; self.scaleY = scaleY; self.offsetX = offsetX; self.offsetY = offsetY
    }

    init(_ fit: ValueLayout.Fit) {
        self.init(scaleX: fit.scale, scaleY: fit.scale, offsetX: fit.offsetX, offsetY: fit.offsetY)
    }

    /// `a` in working pixels: the page reduced by `factor`, the template by `workingScale`.
    init(_ a: Alignment, factor: Double, workingScale ws: Double) {
        self.init(scaleX: a.scaleX * factor / ws, scaleY: a.scaleY * factor / ws,
                  offsetX: a.offsetX * factor, offsetY: a.offsetY * factor)
    }

    /// The placement in full-resolution pixels (the inverse of `init(_:factor:workingScale:)`).
    func alignment(factor: Double, workingScale ws: Double, score: Double) -> Alignment {
        Alignment(scaleX: scaleX * ws / factor, offsetX: offsetX / factor,
                  scaleY: scaleY * ws / factor, offsetY: offsetY / factor, score: score)
    }
}
