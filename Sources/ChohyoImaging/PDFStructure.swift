import CPoppler

/// What a PDF page's own objects say, read through qpdf's C API before anything is
/// decoded: its rotation and the pixel size of every image it can draw. poppler's GLib
/// API does not expose an image's size until it has decoded the whole image into memory,
/// so these facts are what lets `ImageLimits` refuse a page before the allocation.
struct PDFPageFacts: Equatable {
    struct PixelSize: Equatable { let width: Int; let height: Int }

    /// Clockwise quarter turns from the page's /Rotate (0...3).
    var quarterTurns = 0
    /// Every image XObject the page can draw: its own and those inside its Form XObjects.
    var images: [PixelSize] = []
    /// True when the page can only draw images listed in its own /Resources /XObject: no Form
    /// XObjects, patterns, shadings, Type 3 fonts, soft masks or inline images, which could
    /// draw an image of a size qpdf was not shown.
    var onlyListedImages = false
}

/// A qpdf reading of the same bytes poppler renders. It is advisory: when qpdf cannot read the
/// file, or counts a different number of pages than poppler, pages are rendered at a size
/// Chohyo chooses (and checks) rather than extracted at the size the file claims.
final class PDFStructure {
    private var q: qpdf_data?
    let pageCount: Int

    /// `buffer` must stay valid and unchanged as long as this object lives.
    init?(buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, let handle = qpdf_init() else { return nil }
        var q: qpdf_data? = handle
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, 1)
        let status = qpdf_read_memory(handle, "input.pdf", base.assumingMemoryBound(to: CChar.self),
                                      UInt64(buffer.count), nil)
        let n = status & 2 == 0 ? Int(qpdf_get_num_pages(handle)) : -1  // 2: QPDF_ERRORS
        // Resources, MediaBox, CropBox and Rotate inherited from the page tree, onto each page.
        guard n >= 0, qpdf_has_error(handle) == 0, qpdf_push_inherited_attributes_to_page(handle) & 2 == 0 else {
            qpdf_cleanup(&q)  // deinit does not run for an object that was never made
            return nil
        }
        self.q = q
        pageCount = n
    }

    deinit { qpdf_cleanup(&q) }

    /// Facts about page `index` (0-based), or nil when qpdf cannot tell.
    func facts(page index: Int) -> PDFPageFacts? {
        guard let q, index >= 0, index < pageCount else { return nil }
        defer { qpdf_oh_release_all(q); if qpdf_has_error(q) != 0 { _ = qpdf_get_error(q) } }
        let page = qpdf_get_page_n(q, index)
        guard qpdf_oh_is_dictionary(q, page) != 0 else { return nil }
        var facts = PDFPageFacts()
        var rotate: Int32 = 0
        if qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, page, "/Rotate"), &rotate) != 0 {
            facts.quarterTurns = ((Int(rotate) / 90) % 4 + 4) % 4
        }
        let resources = qpdf_oh_get_key(q, page, "/Resources")
        var seen = Set<Int32>()
        var walker = ResourceWalker(q: q)
        walker.collect(resources, depth: 0, seen: &seen)
        guard !walker.failed else { return nil }
        facts.images = walker.images
        facts.onlyListedImages = walker.onlyListedImages && walker.images.count == walker.directImages
            && !contentMayHaveInlineImages(page)
        return facts
    }

    /// True unless the page's content is small enough to look at and has no BI (begin inline
    /// image) operator. A false alarm only sends the page down the slower, always-safe path.
    private func contentMayHaveInlineImages(_ page: qpdf_oh) -> Bool {
        guard let q else { return true }
        // Look at the content only when its stored size is small: a scanner's page content is
        // a few dozen bytes, and a large compressed stream could inflate into a great deal more.
        let contents = qpdf_oh_get_key(q, page, "/Contents")
        var streams: [qpdf_oh] = []
        if qpdf_oh_is_stream(q, contents) != 0 { streams = [contents] }
        else if qpdf_oh_is_array(q, contents) != 0 {
            let n = Int(qpdf_oh_get_array_n_items(q, contents))
            if n > 64 { return true }
            streams = (0..<n).map { qpdf_oh_get_array_item(q, contents, Int32($0)) }
        } else { return false }  // no content: nothing is drawn
        var stored = 0
        for s in streams {
            guard qpdf_oh_is_stream(q, s) != 0 else { return true }
            var length: Int32 = 0
            guard qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, s), "/Length"), &length) != 0 else { return true }
            stored += Int(length)
        }
        if stored > 16 * 1024 { return true }
        var buf: UnsafeMutablePointer<UInt8>? = nil
        var len = 0
        guard qpdf_oh_get_page_content_data(q, page, &buf, &len) & 2 == 0, let buf else { return true }
        defer { free(buf) }
        if len > 32 * 1024 * 1024 { return true }
        return PDFStructure.hasInlineImageOperator(UnsafeBufferPointer(start: buf, count: len))
    }

    /// "BI" standing alone between PDF delimiters or white space. Strings and comments are not
    /// skipped: a "BI" inside them is a harmless false alarm.
    static func hasInlineImageOperator(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        func isBoundary(_ c: UInt8) -> Bool {
            switch c {
            case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: return true
            default: return false
            }
        }
        let n = content.count
        guard n >= 2 else { return false }
        for i in 0..<(n - 1) where content[i] == 0x42 && content[i + 1] == 0x49 {  // "BI"
            let before = i == 0 || isBoundary(content[i - 1])
            let after = i + 2 >= n || isBoundary(content[i + 2])
            if before && after { return true }
        }
        return false
    }
}

/// Walks /Resources: image XObjects (with their /Width and /Height), into Form XObjects,
/// and notes anything that could draw an image qpdf does not list.
private struct ResourceWalker {
    let q: qpdf_data
    var images: [PDFPageFacts.PixelSize] = []
    var directImages = 0
    var onlyListedImages = true
    var failed = false
    private var visited = 0

    init(q: qpdf_data) { self.q = q }

    mutating func collect(_ resources: qpdf_oh, depth: Int, seen: inout Set<Int32>) {
        guard qpdf_oh_is_dictionary(q, resources) != 0 else { return }
        if depth > 12 { onlyListedImages = false; return }
        if qpdf_oh_has_key(q, resources, "/Pattern") != 0 || qpdf_oh_has_key(q, resources, "/Shading") != 0 {
            onlyListedImages = false
        }
        if hasType3Font(qpdf_oh_get_key(q, resources, "/Font")) { onlyListedImages = false }
        if hasSoftMask(qpdf_oh_get_key(q, resources, "/ExtGState")) { onlyListedImages = false }
        let xobjects = qpdf_oh_get_key(q, resources, "/XObject")
        guard qpdf_oh_is_dictionary(q, xobjects) != 0 else { return }
        for key in keys(xobjects) {
            visited += 1
            if visited > 10_000 { failed = true; return }
            let x = qpdf_oh_get_key(q, xobjects, key)
            guard qpdf_oh_is_stream(q, x) != 0 else { continue }
            let id = qpdf_oh_get_object_id(q, x)
            if id != 0 {
                if seen.contains(id) { continue }
                seen.insert(id)
            }
            let dict = qpdf_oh_get_dict(q, x)
            let subtype = qpdf_oh_get_key(q, dict, "/Subtype")
            if qpdf_oh_is_name_and_equals(q, subtype, "/Image") != 0 {
                var w: Int32 = 0, h: Int32 = 0
                guard qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width"), &w) != 0,
                      qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height"), &h) != 0 else {
                    failed = true; return
                }
                images.append(.init(width: Int(w), height: Int(h)))
                if depth == 0 { directImages += 1 }
                // A soft mask or mask image is decoded too.
                for maskKey in ["/SMask", "/Mask"] {
                    let m = qpdf_oh_get_key(q, dict, maskKey)
                    if qpdf_oh_is_stream(q, m) != 0 { onlyListedImages = false; noteImage(m) }
                }
            } else if qpdf_oh_is_name_and_equals(q, subtype, "/Form") != 0 {
                onlyListedImages = false
                collect(qpdf_oh_get_key(q, dict, "/Resources"), depth: depth + 1, seen: &seen)
                if failed { return }
            }
        }
    }

    private mutating func noteImage(_ stream: qpdf_oh) {
        let dict = qpdf_oh_get_dict(q, stream)
        var w: Int32 = 0, h: Int32 = 0
        if qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width"), &w) != 0,
           qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height"), &h) != 0 {
            images.append(.init(width: Int(w), height: Int(h)))
        }
    }

    private func keys(_ dict: qpdf_oh) -> [String] {
        var out: [String] = []
        qpdf_oh_begin_dict_key_iter(q, dict)
        while qpdf_oh_dict_more_keys(q) != 0, out.count < 10_000 {
            if let k = qpdf_oh_dict_next_key(q) { out.append(String(cString: k)) }
        }
        return out
    }

    private func hasType3Font(_ fonts: qpdf_oh) -> Bool {
        guard qpdf_oh_is_dictionary(q, fonts) != 0 else { return false }
        for key in keys(fonts) {
            let f = qpdf_oh_get_key(q, fonts, key)
            if qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, f, "/Subtype"), "/Type3") != 0 { return true }
        }
        return false
    }

    private func hasSoftMask(_ states: qpdf_oh) -> Bool {
        guard qpdf_oh_is_dictionary(q, states) != 0 else { return false }
        for key in keys(states) {
            let s = qpdf_oh_get_key(q, states, key)
            if qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, s, "/SMask")) != 0 { return true }
        }
        return false
    }
}
