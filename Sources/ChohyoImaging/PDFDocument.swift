import CLeptTess
import CPoppler
import Foundation

/// A PDF read through poppler's GLib API, page by page, the way a scanner made it.
///
/// A page that is one image covering the sheet (what scanners write: CCITT G4, JBIG2,
/// JPEG/DCT, Flate, JPEG 2000) is taken at the image's own pixel size with
/// `poppler_page_get_image`: no resampling, and its resolution is the pixels over the page's
/// width in inches. Any other page (text or vector PDF, several images, a rotated page, an
/// image drawn through a form) is rendered with `poppler_page_render` at the resolution of its
/// largest page-sized image, or 300 dpi when it has none. Either way the pixel size is checked
/// against `ImageLimits` before poppler allocates anything: the image's size comes from the
/// PDF's objects (read by qpdf), and a rendered page's size is Chohyo's own choice.
///
/// poppler documents are not thread-safe: every use of one goes through `lock`.
final class PDFDocument: @unchecked Sendable {
    /// Pages poppler counts in the document.
    let pageCount: Int
    private let limits: ImageLimits
    private let lock = NSLock()
    private let buffer: UnsafeMutableRawBufferPointer
    private let gbytes: OpaquePointer
    private let document: OpaquePointer
    private let structure: PDFStructure?

    /// Rendering resolution for pages that are not one scanned image.
    static let defaultRenderDPI = 300.0

    init(bytes: [UInt8], limits: ImageLimits) throws {
        self.limits = limits
        try PDFDocument.checkComplete(bytes)
        PopplerLog.install()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { src in buffer.copyMemory(from: src) }
        guard let gbytes = g_bytes_new_static(buffer.baseAddress, gsize(bytes.count)) else {
            buffer.deallocate()
            throw ImagingError.operationFailed("GBytes for the PDF")
        }
        var error: UnsafeMutablePointer<GError>? = nil
        let (doc, messages) = PopplerLog.capture { poppler_document_new_from_bytes(gbytes, nil, &error) }
        guard let doc else {
            g_bytes_unref(gbytes)
            buffer.deallocate()
            defer { if error != nil { g_error_free(error) } }
            throw PDFDocument.openError(error?.pointee, messages: messages)
        }
        let n = Int(poppler_document_get_n_pages(doc))
        self.buffer = buffer
        self.gbytes = gbytes
        self.document = doc
        self.pageCount = n
        let structure = PDFStructure(buffer: UnsafeRawBufferPointer(start: buffer.baseAddress, count: bytes.count))
        // qpdf's facts are used only when both libraries see the same pages.
        self.structure = structure?.pageCount == n ? structure : nil
        if n <= 0 { throw ImagingError.unreadable("PDF has no pages") }
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        g_bytes_unref(gbytes)
        buffer.deallocate()
    }

    /// A PDF ends with an %%EOF marker (possibly followed by a line end or a little padding).
    /// Without it the file was cut short; poppler would otherwise rebuild what it can and
    /// hand back pages with parts missing.
    static func checkComplete(_ bytes: [UInt8]) throws {
        var end = bytes.count
        while end > 0, [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20].contains(bytes[end - 1]) { end -= 1 }
        let tail = bytes[max(0, end - 1024)..<end]
        let marker = Array("%%EOF".utf8)
        let found = tail.count >= marker.count && (tail.startIndex...(tail.endIndex - marker.count)).contains {
            Array(tail[$0..<($0 + marker.count)]) == marker
        }
        if !found { throw ImagingError.truncated("PDF has no %%EOF end marker: the file is cut short") }
    }

    static func openError(_ error: GError?, messages: [String]) -> ImagingError {
        let detail = messages.first.map { " (\(PopplerLog.plain($0)))" } ?? ""
        guard let error else { return .unreadable("PDF cannot be opened\(detail)") }
        if error.domain == poppler_error_quark() && error.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return .unreadable("PDF cannot be opened: it is encrypted and needs a password")
        }
        let message = error.message.map { String(cString: $0) } ?? "unknown error"
        return .unreadable("PDF cannot be opened: \(message)\(detail)")
    }

    /// Decodes page `index` (0-based). Errors name that page's problem only.
    func page(_ index: Int) throws -> Image {
        precondition(index >= 0 && index < pageCount)
        lock.lock()
        defer { lock.unlock() }
        let (result, messages) = PopplerLog.capture { Result { try decode(index) } }
        // poppler reports broken image data (a G4 row of the wrong length, a JBIG2 segment cut
        // short...) and carries on with what it has: such a page is refused, not read as garbage.
        let corrupt = messages.first(where: PopplerLog.isError).map {
            ImagingError.truncated("PDF page data is corrupt: \(PopplerLog.plain($0))")
        }
        switch result {
        case .success(let image):
            if let corrupt { throw corrupt }
            return image
        case .failure(let error):
            if case ImagingError.tooLarge = error { throw error }
            throw corrupt ?? error  // poppler's reason, when it gave one, says more
        }
    }

    private func decode(_ index: Int) throws -> Image {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw ImagingError.truncated("PDF page \(index + 1) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width.isFinite, height.isFinite, width >= 1, height >= 1, width < 1_000_000, height < 1_000_000 else {
            throw ImagingError.truncated("PDF page size is \(width)x\(height) points")
        }
        let facts = structure?.facts(page: index)
        if let image = try scannedImage(page, facts: facts, width: width, height: height) { return image }
        let dpi = PDFDocument.renderDPI(facts: facts, width: width, height: height)
        return try render(page, width: width, height: height, dpi: dpi)
    }

    // MARK: one scanned image per page: taken as it is

    /// The page's single image at its own pixel size, when the page is exactly that: one image
    /// XObject (qpdf says which size it is and that nothing else on the page can draw one),
    /// drawn once, upright, over (almost) the whole page. Otherwise nil.
    private func scannedImage(_ page: OpaquePointer, facts: PDFPageFacts?, width: Double, height: Double) throws -> Image? {
        guard let facts, facts.quarterTurns == 0, facts.onlyListedImages, facts.images.count == 1 else { return nil }
        let size = facts.images[0]
        guard size.width > 0, size.height > 0 else { return nil }
        let areas = PDFDocument.imageAreas(page)
        guard areas.count == 1, let area = areas.first else { return nil }
        let aw = area.x2 - area.x1, ah = area.y2 - area.y1
        let slack = 2.0  // points: poppler rounds the area to whole points
        guard area.x1 >= -slack, area.y1 >= -slack, area.x2 <= width + slack, area.y2 <= height + slack,
              aw >= 0.9 * width, ah >= 0.9 * height else { return nil }
        // The image's shape must be the area's: an image turned by its placement is rendered instead.
        let aspect = (Double(size.width) / Double(size.height)) / (aw / ah)
        guard abs(aspect - 1) < 0.03 else { return nil }

        try limits.check(width: size.width, height: size.height)
        guard let raw = poppler_page_get_image(page, area.id) else {
            throw ImagingError.truncated("PDF page image cannot be decoded")
        }
        let surface = CairoSurface(owning: raw)
        guard surface.width == size.width, surface.height == size.height else {
            throw ImagingError.truncated("PDF page image decoded to \(surface.width)x\(surface.height), not \(size.width)x\(size.height)")
        }
        let xdpi = (Double(size.width) / (aw / 72)).rounded(), ydpi = (Double(size.height) / (ah / 72)).rounded()
        return try surface.image(xResolution: Int(xdpi), yResolution: Int(ydpi))
    }

    struct ImageArea { let id: Int32; let x1, y1, x2, y2: Double }

    /// Where poppler draws each image on the page (points, origin top left). Cheap: nothing is decoded.
    static func imageAreas(_ page: OpaquePointer) -> [ImageArea] {
        guard let list = poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler_page_free_image_mapping(list) }
        var out: [ImageArea] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let data = n.pointee.data {
                let m = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                out.append(ImageArea(id: m.image_id, x1: m.area.x1, y1: m.area.y1, x2: m.area.x2, y2: m.area.y2))
            }
            node = n.pointee.next
        }
        return out
    }

    // MARK: anything else: rendered

    /// The resolution of the largest image that has the page's shape (a scan, however placed or
    /// turned), so that rendering neither loses nor invents detail; 300 dpi when there is none.
    static func renderDPI(facts: PDFPageFacts?, width: Double, height: Double) -> Double {
        guard let facts else { return defaultRenderDPI }
        // The page as stored, before /Rotate: width × height in points.
        let (pw, ph) = facts.quarterTurns % 2 == 1 ? (height, width) : (width, height)
        var best: Double? = nil
        for image in facts.images where image.width > 0 && image.height > 0 {
            let w = Double(image.width), h = Double(image.height)
            var dpi: Double? = nil
            if abs((w / h) / (pw / ph) - 1) < 0.03 { dpi = w / (pw / 72) }
            else if abs((h / w) / (pw / ph) - 1) < 0.03 { dpi = h / (pw / 72) }  // placed turned
            if let d = dpi, d >= 50 { best = max(best ?? 0, d) }
        }
        // Not rounded: the page is rendered at exactly the image's pixel size.
        return best ?? defaultRenderDPI
    }

    private func render(_ page: OpaquePointer, width: Double, height: Double, dpi: Double) throws -> Image {
        let w = Int((width * dpi / 72).rounded()), h = Int((height * dpi / 72).rounded())
        try limits.check(width: w, height: h)
        guard let raw = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else {
            throw ImagingError.operationFailed("cairo surface \(w)x\(h)")
        }
        let surface = CairoSurface(owning: raw)
        try surface.checkStatus("cairo surface \(w)x\(h)")
        guard let cr = cairo_create(raw) else { throw ImagingError.operationFailed("cairo context") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, Double(w) / width, Double(h) / height)
        poppler_page_render(page, cr)
        if cairo_status(cr) != CAIRO_STATUS_SUCCESS {
            throw ImagingError.operationFailed("rendering the PDF page: \(String(cString: cairo_status_to_string(cairo_status(cr))))")
        }
        cairo_surface_flush(raw)
        return try surface.image(xResolution: Int(dpi.rounded()), yResolution: Int(dpi.rounded()))
    }
}

/// poppler's messages (malformed objects, broken image data) go to GLib's log under the
/// "Poppler" domain. Chohyo takes them: they never reach the clerk's terminal, and those raised
/// while a page is decoded decide whether that page is refused.
enum PopplerLog {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var collecting: [pthread_t: [String]] = [:]

    private static let installed: Void = {
        let handler: GLogFunc = { _, _, message, _ in
            guard let message else { return }
            PopplerLog.record(String(cString: message))
        }
        // Every level and flag: G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION.
        _ = g_log_set_handler("Poppler", GLogLevelFlags(rawValue: ~0), handler, nil)
    }()

    static func install() { _ = installed }

    private static func record(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        let me = pthread_self()
        if collecting[me] != nil, collecting[me]!.count < 100 { collecting[me]!.append(message) }
    }

    /// Runs `body`, returning what it returned and the messages poppler logged on this thread meanwhile.
    static func capture<T>(_ body: () throws -> T) rethrows -> (T, [String]) {
        let me = pthread_self()
        lock.lock(); let outer = collecting[me]; collecting[me] = []; lock.unlock()
        defer {
            lock.lock()
            if let outer { collecting[me] = outer + (collecting[me] ?? []) } else { collecting[me] = nil }
            lock.unlock()
        }
        let value = try body()
        lock.lock(); let messages = collecting[me] ?? []; lock.unlock()
        return (value, messages)
    }

    /// Errors, as opposed to warnings and "unimplemented feature" notes.
    static func isError(_ message: String) -> Bool {
        message.hasPrefix("Syntax error") || message.hasPrefix("IO error") || message.hasPrefix("Internal error")
    }

    /// "Syntax error at position 2764: CCITTFax row is wrong length" → "CCITTFax row is wrong length".
    /// Kept short: a message may quote bytes of the file.
    static func plain(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let r = text.range(of: ": "), text[..<r.lowerBound].contains(" at position ") {
            text = String(text[r.upperBound...])
        }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
