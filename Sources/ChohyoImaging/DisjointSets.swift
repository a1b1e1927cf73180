/// Indices 0..<count joined into sets (union–find with path halving): marks chained into one
/// line of writing (`ValueLayout.spill`) or one stamp (`ValueLayout.stampPatch`).
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The index that stands for the set holding `i`.
    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }

    /// Joins the set holding `b` to the set holding `a`.
    mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        parent[rb] = ra
    }
}
