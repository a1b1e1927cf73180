/// Walks a TIFF's chain of image file directories (one per page) without decoding
/// anything: header byte order, first IFD offset, then each IFD's entry count and
/// next-IFD offset. Bounded by `limit` and by the file size; a loop or an offset past
/// the end stops the walk and is reported.
enum TIFFDirectories {
    static func count(_ b: [UInt8], limit: Int) -> (count: Int, problem: String?) {
        guard b.count >= 8 else { return (0, "TIFF header cut short") }
        let little = b[0] == 0x49
        func u16(_ o: Int) -> Int? {
            guard o >= 0, o + 2 <= b.count else { return nil }
            return little ? Int(b[o]) | Int(b[o + 1]) << 8 : Int(b[o]) << 8 | Int(b[o + 1])
        }
        func u32(_ o: Int) -> Int? {
            guard o >= 0, o + 4 <= b.count else { return nil }
            let v = little ? (Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24)
                           : (Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]))
            return v
        }
        guard var offset = u32(4) else { return (0, "TIFF header cut short") }
        var seen = Set<Int>()
        var n = 0
        while offset != 0 && n < limit {
            guard seen.insert(offset).inserted else { return (n, "TIFF directory chain loops") }
            guard let entries = u16(offset) else { return (n, "TIFF directory \(n + 1) lies past the end of the file: cut short") }
            let nextAt = offset + 2 + entries * 12
            guard let next = u32(nextAt) else { return (n, "TIFF directory \(n + 1) is cut short") }
            n += 1
            offset = next
        }
        return (n, nil)
    }
}
