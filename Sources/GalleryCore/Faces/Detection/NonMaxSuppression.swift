/// Merges overlapping detections of one face.
enum NonMaxSuppression {
    /// MediaPipe's weighted non-maximum suppression: the best-scoring detection and every other
    /// one overlapping it by more than `threshold` (intersection over union) are averaged,
    /// weighted by score, into one face that keeps the best score.
    static func weighted(_ faces: [DetectedFace], threshold: Double) -> [DetectedFace] {
        var remaining = faces.sorted { $0.score > $1.score }
        var kept: [DetectedFace] = []
        while let best = remaining.first {
            // One pass over the others, keeping the score order of what remains.
            var cluster = [best]
            var rest: [DetectedFace] = []
            for face in remaining.dropFirst() {
                if face.box.overlap(best.box) > threshold { cluster.append(face) } else { rest.append(face) }
            }
            remaining = rest
            if cluster.count == 1 {
                kept.append(best)
                continue
            }
            let total = cluster.reduce(0) { $0 + $1.score }
            func average(_ value: (DetectedFace) -> Double) -> Double {
                cluster.reduce(0) { $0 + value($1) * $1.score } / total
            }
            let box = FaceBox(
                x: average(\.box.x), y: average(\.box.y), width: average(\.box.width), height: average(\.box.height))
            let keypoints = best.keypoints.indices.map { index in
                FacePoint(x: average { $0.keypoints[index].x }, y: average { $0.keypoints[index].y })
            }
            kept.append(DetectedFace(box: box, keypoints: keypoints, score: best.score, quarterTurns: best.quarterTurns))
        }
        return kept
    }

    /// Keeps the best of detections from different passes that are the same face: overlapping by
    /// more than `threshold` (intersection over union), or one mostly inside the other (a face
    /// cut by a tile's edge inside the whole face found by another pass).
    static func acrossPasses(_ faces: [DetectedFace], threshold: Double) -> [DetectedFace] {
        var kept: [DetectedFace] = []
        for face in faces.sorted(by: { $0.score > $1.score }) {
            let duplicate = kept.contains { other in
                face.box.overlap(other.box) > threshold || face.box.intersectionOverSmaller(other.box) > 0.7
            }
            if !duplicate { kept.append(face) }
        }
        return kept
    }
}
