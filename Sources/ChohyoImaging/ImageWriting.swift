import CLeptTess

extension Image {
    /// Writes the image as a TIFF page.
    ///
    /// - `g4`: CCITT Group 4 (fax) compression, bilevel; `g3`: Group 3, as fax machines send.
    ///   An image that is not 1 bpp is binarised first (ink = 1). Otherwise ZIP (deflate)
    ///   compression, lossless at any depth.
    /// - `append`: add the page to the end of an existing TIFF (multi-page); otherwise the
    ///   file is created or replaced.
    public func writeTIFF(to path: String, g4: Bool = false, g3: Bool = false, append: Bool = false) throws {
        let source = (g4 || g3) && depth != 1 ? try binary() : self
        let compression = Int32(g4 ? IFF_TIFF_G4 : g3 ? IFF_TIFF_G3 : IFF_TIFF_ZIP)
        guard pixWriteTiff(path, source.raw, compression, append ? "a" : "w") == 0 else {
            throw ImagingError.operationFailed("write TIFF \(path)")
        }
    }
}
