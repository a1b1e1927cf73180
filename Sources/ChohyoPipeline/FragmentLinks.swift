import ChohyoRecognition

/// The trusted zone's map from a fragment's random id back to (page, field).
/// It never leaves the pipeline: recognition workers get fragments only.
struct FragmentLinks {
    struct Link { let pageSlot: Int; let key: String }
    private var links: [FragmentID: Link] = [:]

    mutating func add(_ id: FragmentID, pageSlot: Int, key: String) { links[id] = Link(pageSlot: pageSlot, key: key) }
    func link(for id: FragmentID) -> Link? { links[id] }
}
