/// Keeps the `capacity` best hits seen so far (a min-heap on score), in one pass and bounded
/// memory, however many candidates there are.
struct TopScores {
    let capacity: Int
    private var heap: [VectorIndex.Hit] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    mutating func offer(_ hit: VectorIndex.Hit) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(hit)
            siftUp(heap.count - 1)
        } else if Self.better(hit, than: heap[0]) {
            heap[0] = hit
            siftDown(0)
        }
    }

    /// The score a hit must reach to be kept once the selection is full; nil before.
    var threshold: Float? {
        heap.count == capacity && capacity > 0 ? heap[0].score : nil
    }

    /// The kept hits, best first (ties by image id, for stable pages).
    func sorted() -> [VectorIndex.Hit] {
        heap.sorted { Self.better($0, than: $1) }
    }

    private static func better(_ a: VectorIndex.Hit, than b: VectorIndex.Hit) -> Bool {
        a.score != b.score ? a.score > b.score : a.imageId < b.imageId
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.better(heap[parent], than: heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < heap.count, Self.better(heap[worst], than: heap[left]) { worst = left }
            if right < heap.count, Self.better(heap[worst], than: heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
