/// One look at an image: a square-ish region, possibly turned, letterboxed into the model's input.
struct DetectionPass: Sendable, Equatable {
    /// The region, in image pixels.
    var left: Int
    var top: Int
    var width: Int
    var height: Int
    /// Clockwise quarter turns applied to the region before detection.
    var quarterTurns: Int = 0

    /// The whole image, then for each tiling level n in 2...maxTiling, overlapping square tiles
    /// whose side is the longer side over (1 + (n - 1) * 3/4) (a quarter overlap), as long as a
    /// tile stays at least one and a half times the model's input.
    static func tiles(width: Int, height: Int, maxTiling: Int, inputSize: Int) -> [DetectionPass] {
        var passes = [DetectionPass(left: 0, top: 0, width: width, height: height)]
        let longer = Double(max(width, height))
        guard maxTiling >= 2 else { return passes }
        for level in 2...maxTiling {
            let side = Int((longer / (1 + Double(level - 1) * 0.75)).rounded())
            guard side * 2 >= inputSize * 3 else { break }
            for top in positions(length: height, tile: side) {
                for left in positions(length: width, tile: side) {
                    passes.append(
                        DetectionPass(left: left, top: top, width: min(side, width - left), height: min(side, height - top)))
                }
            }
        }
        return passes
    }

    /// Evenly spaced starts of tiles of `tile` pixels covering `length` with at least a quarter overlap.
    private static func positions(length: Int, tile: Int) -> [Int] {
        guard length > tile else { return [0] }
        let step = Double(tile) * 0.75
        let count = Int((Double(length - tile) / step).rounded(.up)) + 1
        return (0..<count).map { Int((Double(length - tile) * Double($0) / Double(count - 1)).rounded()) }
    }

    /// Maps a point normalised to the (turned) region back to image pixels.
    func imagePoint(_ point: FacePoint) -> FacePoint {
        let upright: FacePoint
        switch ((quarterTurns % 4) + 4) % 4 {
        case 1: upright = FacePoint(x: point.y, y: 1 - point.x)
        case 2: upright = FacePoint(x: 1 - point.x, y: 1 - point.y)
        case 3: upright = FacePoint(x: 1 - point.y, y: point.x)
        default: upright = point
        }
        return FacePoint(x: Double(left) + upright.x * Double(width), y: Double(top) + upright.y * Double(height))
    }

    /// Maps a face normalised to the (turned) region back to image pixels.
    func imageFace(_ face: DetectedFace) -> DetectedFace {
        let corners = [
            imagePoint(FacePoint(x: face.box.x, y: face.box.y)),
            imagePoint(FacePoint(x: face.box.x + face.box.width, y: face.box.y + face.box.height)),
        ]
        let minX = min(corners[0].x, corners[1].x)
        let minY = min(corners[0].y, corners[1].y)
        let box = FaceBox(
            x: minX, y: minY, width: max(corners[0].x, corners[1].x) - minX, height: max(corners[0].y, corners[1].y) - minY)
        let keypoints = face.keypoints.map(imagePoint)
        return DetectedFace(
            box: box, keypoints: keypoints, score: face.score, quarterTurns: DetectedFace.uprightTurns(keypoints: keypoints))
    }
}
