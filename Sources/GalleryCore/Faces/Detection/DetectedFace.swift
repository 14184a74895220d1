import Foundation

/// A face found by the detector, in the pixels of the image it was found in (upright: EXIF
/// orientation applied).
public struct DetectedFace: Sendable, Equatable, Codable {
    /// The face's bounding box.
    public var box: FaceBox
    /// MediaPipe's six keypoints: the eyes (the subject's right eye first), nose tip, mouth
    /// centre, and the ear tragions (right first).
    public var keypoints: [FacePoint]
    /// The detector's confidence, 0...1.
    public var score: Double
    /// Clockwise quarter turns that would make the face upright (from the line through its
    /// eyes): 0 for an upright face, 1 or 3 for a face lying on its side, 2 upside down.
    public var quarterTurns: Int

    public init(box: FaceBox, keypoints: [FacePoint], score: Double, quarterTurns: Int = 0) {
        self.box = box
        self.keypoints = keypoints
        self.score = score
        self.quarterTurns = quarterTurns
    }

    /// The quarter turns that make a face upright, from its eyes (keypoints 0 and 1): upright,
    /// the line from the first eye to the second points right.
    static func uprightTurns(keypoints: [FacePoint]) -> Int {
        guard keypoints.count >= 2 else { return 0 }
        let angle = atan2(keypoints[1].y - keypoints[0].y, keypoints[1].x - keypoints[0].x) * 180 / .pi
        let turnedClockwise = (Int((angle / 90).rounded()) % 4 + 4) % 4
        return (4 - turnedClockwise) % 4
    }
}
