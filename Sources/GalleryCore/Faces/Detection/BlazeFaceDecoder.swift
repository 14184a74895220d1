import Foundation

/// Turns a BlazeFace model's raw outputs into scored candidates, as MediaPipe's
/// `TensorsToDetectionsCalculator` does: logits clipped to ±100 and passed through a sigmoid,
/// box centre and keypoints offset from the anchor, everything divided by the input size.
struct BlazeFaceDecoder: Sendable {
    let variant: BlazeFaceVariant
    let anchors: BlazeFaceAnchors

    init(variant: BlazeFaceVariant) {
        self.variant = variant
        anchors = BlazeFaceAnchors(variant: variant)
    }

    /// Values per anchor in `regressors`: box (centre x, centre y, width, height) + 6 keypoints.
    static let valuesPerAnchor = 16

    /// Candidates scoring at least `minScore`, with coordinates normalised to the input square.
    ///
    /// - Parameters:
    ///   - regressors: `[anchors x 16]`, row-major.
    ///   - logits: `[anchors]`.
    func decode(regressors: [Float], logits: [Float], minScore: Double) -> [DetectedFace] {
        let count = anchors.centres.count
        precondition(regressors.count == count * Self.valuesPerAnchor && logits.count == count, "output shape")
        let scale = Double(variant.inputSize)
        var faces: [DetectedFace] = []
        for index in 0..<count {
            let logit = Double(min(max(logits[index], -100), 100))
            let score = 1 / (1 + exp(-logit))
            guard score >= minScore else { continue }
            let anchor = anchors.centres[index]
            let base = index * Self.valuesPerAnchor
            let centreX = Double(regressors[base]) / scale + anchor.x
            let centreY = Double(regressors[base + 1]) / scale + anchor.y
            let width = Double(regressors[base + 2]) / scale
            let height = Double(regressors[base + 3]) / scale
            guard width > 0, height > 0 else { continue }
            let keypoints = (0..<6).map { point in
                FacePoint(
                    x: Double(regressors[base + 4 + point * 2]) / scale + anchor.x,
                    y: Double(regressors[base + 5 + point * 2]) / scale + anchor.y)
            }
            faces.append(
                DetectedFace(
                    box: FaceBox(x: centreX - width / 2, y: centreY - height / 2, width: width, height: height),
                    keypoints: keypoints, score: score))
        }
        return faces
    }
}
