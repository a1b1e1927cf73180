import CLeptTess
import ChohyoCore
import ChohyoImaging
import Foundation

/// One Tesseract instance, owned: created and initialised once, reused for every
/// fragment a worker reads, and ended in `deinit`. Not thread-safe: one per worker. The
/// process should start with OMP_THREAD_LIMIT=1 in its environment, or Tesseract's own OpenMP
/// threads contend with the workers (the chohyo command restarts itself so; scripts/test.sh
/// exports it for the tests).
public final class TesseractEngine {
    private let handle: OpaquePointer
    public let languages: String

    public struct Symbol: Equatable, Sendable {
        public let text: String
        public let confidence: Double
        /// The symbol starts a new word (Tesseract's word segmentation).
        public let startsWord: Bool
        /// Where the symbol lies in the image read.
        public var box: ChohyoCore.Box? = nil
        /// A 0 inside Japanese text that stands on a ring-shaped glyph of its own
        /// (`DigitRuns.reread`): its glyph's shape confirms it, whatever its confidence.
        public var onRing = false

        public init(text: String, confidence: Double, startsWord: Bool, box: ChohyoCore.Box? = nil) {
            self.text = text; self.confidence = confidence; self.startsWord = startsWord; self.box = box
        }
    }

    /// - Parameters:
    ///   - languages: e.g. "jpn" or "jpn+eng".
    ///   - dataPath: tessdata folder; nil uses TESSDATA_PREFIX or Tesseract's built-in default.
    public init(languages: String, dataPath: String? = nil) throws {
        guard let h = TessBaseAPICreate() else { throw RecognitionError.engine("TessBaseAPICreate failed") }
        // Tesseract's warnings ("Empty page!!", resolution guesses) must not reach the clerk's terminal.
        _ = TessBaseAPISetVariable(h, "debug_file", "/dev/null")
        let rc = TessBaseAPIInit2(h, dataPath, languages, OEM_LSTM_ONLY)
        if rc != 0 {
            TessBaseAPIDelete(h)
            throw RecognitionError.engine("cannot load Tesseract language data '\(languages)'"
                + (dataPath.map { " from \($0)" } ?? "") + "; is tesseract-ocr-jpn installed?")
        }
        handle = h
        self.languages = languages
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Reads one image with the given page-segmentation mode and optional whitelist.
    public func read(_ image: Image, psm: Int, whitelist: String?, dpi: Int) -> [Symbol] {
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(psm)))
        _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist ?? "")
        TessBaseAPISetImage2(handle, image.raw)
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
        defer { TessBaseAPIClear(handle) }
        guard TessBaseAPIRecognize(handle, nil) == 0, let it = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(it) }
        let pageIt = TessResultIteratorGetPageIteratorConst(it)
        var symbols: [Symbol] = []
        repeat {
            guard let cText = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL) else { continue }
            let text = String(cString: cText)
            TessDeleteText(cText)
            let conf = Double(TessResultIteratorConfidence(it, RIL_SYMBOL))
            let startsWord = TessPageIteratorIsAtBeginningOf(pageIt, RIL_WORD) != 0
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            let box = TessPageIteratorBoundingBox(pageIt, RIL_SYMBOL, &l, &t, &r, &b) != 0
                ? ChohyoCore.Box(x: Int(l), y: Int(t), width: Int(r - l), height: Int(b - t)) : nil
            symbols.append(Symbol(text: text, confidence: conf, startsWord: startsWord, box: box))
        } while TessResultIteratorNext(it, RIL_SYMBOL) != 0
        return symbols
    }
}

public enum RecognitionError: Error, CustomStringConvertible {
    case engine(String)
    public var description: String {
        switch self { case .engine(let m): return m }
    }
}
