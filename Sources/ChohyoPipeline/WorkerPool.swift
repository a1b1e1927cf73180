import Foundation

/// Runs work over a fixed set of workers, each with its own state (for example its
/// own Tesseract instance). Items are pulled from a shared counter, so a slow item
/// does not hold up the others; results come back in item order.
public final class WorkerPool<State> {
    public let states: [State]

    public init(states: [State]) {
        precondition(!states.isEmpty)
        self.states = states
    }

    public var count: Int { states.count }

    public func map<Item, Output>(_ items: [Item], _ body: (State, Item) -> Output) -> [Output] {
        guard !items.isEmpty else { return [] }
        let lock = NSLock()
        var next = 0
        var out = [Output?](repeating: nil, count: items.count)
        DispatchQueue.concurrentPerform(iterations: min(states.count, items.count)) { w in
            let state = states[w]
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                if i >= items.count { break }
                let r = body(state, items[i])
                lock.lock()
                out[i] = r
                lock.unlock()
            }
        }
        return out.map { $0! }
    }
}
