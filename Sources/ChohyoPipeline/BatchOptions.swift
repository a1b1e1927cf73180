import ChohyoExport
import ChohyoImaging
import Foundation

/// Everything a batch run needs to know.
public struct BatchOptions: Sendable {
    public var inputs: [String]
    public var outputDirectory: URL
    public var encoding: CSVEncoding = .cp932
    public var unmappable: UnmappablePolicy = .replace
    /// Recognition workers; one Tesseract instance each. Default: the number of cores.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Pages cut and shuffled together before recognition.
    public var chunkPages: Int = 16
    public var limits: ImageLimits = .default
    /// Tesseract data folder; nil uses Tesseract's default (Debian: /usr/share/tesseract-ocr/5/tessdata).
    public var tessdata: String? = nil
    /// Minimum template match score for a page to count as a form.
    public var minMatchScore: Double = 0.45

    public init(inputs: [String], outputDirectory: URL) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
    }
}

/// Progress reported after each page is written.
public struct BatchProgress: Sendable {
    public let pagesDone: Int
    /// Pages known so far (grows as multi-page files are opened).
    public let pagesKnown: Int
    public let filesDone: Int
    public let filesTotal: Int
    public let elapsed: Double
    /// Pages that failed since the last report, as `source page N: reason` lines.
    public let newErrors: [String]

    public init(pagesDone: Int, pagesKnown: Int, filesDone: Int, filesTotal: Int, elapsed: Double, newErrors: [String]) {
        self.pagesDone = pagesDone
        self.pagesKnown = pagesKnown
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.elapsed = elapsed
        self.newErrors = newErrors
    }
}
