import CLeptTess
import ChohyoImaging

/// Image-only PDFs written by Leptonica, as scanner software writes them: one image per page
/// at the scan's resolution (a G4 TIFF's CCITT data and a JPEG's own bytes copied in, other
/// images Flate-coded). For tests only: Chohyo reads PDFs, it does not write them.
public enum LeptonicaPDF {
    /// One page from an image file; `encoding` is `L_G4_ENCODE`, `L_JPEG_ENCODE` or `L_FLATE_ENCODE`.
    public static func page(_ path: String, encoding: Int) throws -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        guard convertToPdfData(path, Int32(encoding), 0, &data, &size, 0, 0, 0, nil, nil, 0) == 0, let data else {
            throw ImagingError.operationFailed("convertToPdfData \(path)")
        }
        defer { lept_free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Single-page PDFs joined into one document.
    public static func concatenate(_ pages: [[UInt8]]) throws -> [UInt8] {
        var pa: UnsafeMutablePointer<L_PTRA>? = ptraCreate(Int32(pages.count))
        defer {
            for i in 0..<pages.count {
                var ba = ptraRemove(pa, Int32(i), Int32(L_NO_COMPACTION))?.assumingMemoryBound(to: L_BYTEA.self)
                l_byteaDestroy(&ba)
            }
            ptraDestroy(&pa, 0, 0)
        }
        for p in pages { _ = p.withUnsafeBufferPointer { ptraAdd(pa, l_byteaInitFromMem($0.baseAddress, $0.count)) } }
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        guard ptraConcatenatePdfToData(pa, nil, &out, &size) == 0, let out else {
            throw ImagingError.operationFailed("ptraConcatenatePdfToData")
        }
        defer { lept_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}
