/// The SSD anchor centres of a BlazeFace model, as MediaPipe's `SsdAnchorsCalculator` makes them
/// with `fixed_anchor_size: true` (every anchor is 1x1, so only the centres matter).
struct BlazeFaceAnchors: Sendable {
    /// Anchor centres, normalised to the input square, in the model's output order.
    let centres: [FacePoint]

    init(variant: BlazeFaceVariant) {
        var centres: [FacePoint] = []
        let strides = variant.strides
        var layer = 0
        while layer < strides.count {
            // Consecutive layers with the same stride share one feature map.
            var anchorsPerCell = 0
            var last = layer
            while last < strides.count && strides[last] == strides[layer] {
                anchorsPerCell += variant.interpolatedAnchor ? 2 : 1
                last += 1
            }
            let side = (variant.inputSize + strides[layer] - 1) / strides[layer]
            for y in 0..<side {
                for x in 0..<side {
                    let centre = FacePoint(x: (Double(x) + 0.5) / Double(side), y: (Double(y) + 0.5) / Double(side))
                    centres.append(contentsOf: repeatElement(centre, count: anchorsPerCell))
                }
            }
            layer = last
        }
        precondition(centres.count == variant.anchorCount, "anchor count \(centres.count) for \(variant)")
        self.centres = centres
    }
}
