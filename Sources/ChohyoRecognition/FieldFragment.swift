import ChohyoCore
import ChohyoImaging

/// How a fragment is to be read.
public struct ReadingSettings: Sendable, Equatable {
    public var type: FieldType
    public var lang: String
    public var psm: Int
    public var chars: String?
    /// Language of a second, independent reading (nil: read once).
    public var verifyLang: String?
    public var verifyScale: Double
    /// For check boxes: the form's ink thresholds.
    public var checkbox: CheckboxThresholds = .default
    /// Resolution of the fragment image (the template's).
    public var dpi: Int
    /// The most characters the field may hold (its `max_length`), when it says.
    public var maxLength: Int? = nil

    public init(type: FieldType, lang: String, psm: Int, chars: String?, verifyLang: String? = nil, verifyScale: Double = 1, dpi: Int) {
        self.type = type; self.lang = lang; self.psm = psm; self.chars = chars
        self.verifyLang = verifyLang == "none" ? nil : verifyLang; self.verifyScale = verifyScale; self.dpi = dpi
    }

    /// A field's settings: its own `recognition`, each value it leaves unset from its type's
    /// defaults (`TypeDefaults`), at the template's resolution.
    public init(field: FieldDefinition, dpi: Int) {
        let rec = TypeDefaults.recognition(for: field)
        self.init(type: field.type, lang: rec.lang ?? "jpn", psm: rec.psm ?? 7, chars: rec.chars,
                  verifyLang: rec.verifyLang, verifyScale: rec.verifyScale ?? 1, dpi: dpi)
        maxLength = field.maxLength
    }
}

/// One field's cut and cleaned image plus what is needed to read it, and nothing
/// else: a random identifier, no file name, page, coordinates, form or neighbours.
/// Whoever holds fragments alone cannot rebuild a record; the link back to the
/// page lives in the trusted zone (`FragmentLinks` in the pipeline).
public struct FieldFragment: @unchecked Sendable {
    public let id: FragmentID
    public let image: Image
    public let settings: ReadingSettings
    /// Ink pixels in the cleaned image (after line removal), used to skip blank fields.
    public let inkPixels: Int
    /// Share of the fragment's area covered by red/pink ink before dropout (seal or stamp).
    public let sealInk: Double
    /// Share of the box that was ink before specks were removed (a faint value breaks into specks).
    public let rawInkShare: Double
    /// From a bilevel page, `image` has its strokes grown; this is the cut as scanned.
    public let asScanned: Image?
    /// Check boxes: the shares of the strips above, below, left and right of the box that hold
    /// ink the blank form does not have (`BoxSurround`); empty when not measured.
    public let surroundInk: [Double]

    public init(id: FragmentID = FragmentID.random(), image: Image, settings: ReadingSettings,
                inkPixels: Int, sealInk: Double, rawInkShare: Double = 0, asScanned: Image? = nil,
                surroundInk: [Double] = []) {
        self.id = id; self.image = image; self.settings = settings
        self.inkPixels = inkPixels; self.sealInk = sealInk; self.rawInkShare = rawInkShare
        self.asScanned = asScanned; self.surroundInk = surroundInk
    }
}

/// 128 random bits, hex. Carries no information about its source.
public struct FragmentID: Hashable, Sendable, CustomStringConvertible {
    public let hex: String
    public static func random() -> FragmentID {
        var g = SystemRandomNumberGenerator()
        let a = g.next() as UInt64, b = g.next() as UInt64
        return FragmentID(hex: String(format16(a) + format16(b)))
    }
    private static func format16(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
    public var description: String { hex }
}

/// What a recognition worker returns for one fragment.
public struct FragmentReading: Sendable, Equatable {
    public let id: FragmentID
    /// Text as read ("1"/"0" for a check box).
    public let text: String
    /// Per-character confidences, 0–100.
    public let characterConfidences: [Double]
    /// Field confidence, 0–100: the weakest character (a single doubtful digit must count).
    public let confidence: Double
    /// Indices (into `characterConfidences`) of the 0s inside Japanese text whose glyphs are
    /// rings (`TesseractEngine.Symbol.onRing`).
    public var zerosOnRings: Set<Int> = []
    /// Why the reader is unsure beyond the confidence (e.g. seal over the field); nil when nothing.
    public let note: String?
    /// The second reading's text and confidence, when the settings ask for one.
    public let verification: String?
    public let verificationConfidence: Double?
    /// A third reading, made only when the first two differ.
    public let tieBreak: String?
    /// For numbers the first two readings disagree on: one more reading, as one word (see
    /// `FragmentReader`); only ever shown to a person, never accepted on its own.
    public let rescue: String?

    public init(id: FragmentID, text: String, characterConfidences: [Double], confidence: Double, note: String? = nil,
                verification: String? = nil, verificationConfidence: Double? = nil, tieBreak: String? = nil,
                rescue: String? = nil) {
        self.id = id; self.text = text; self.characterConfidences = characterConfidences
        self.confidence = confidence; self.note = note
        self.verification = verification; self.verificationConfidence = verificationConfidence
        self.tieBreak = tieBreak; self.rescue = rescue
    }
}
