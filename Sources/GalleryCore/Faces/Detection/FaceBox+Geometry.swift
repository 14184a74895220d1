extension FaceBox {
    var area: Double { max(width, 0) * max(height, 0) }

    /// The area both boxes cover.
    func intersection(_ other: FaceBox) -> Double {
        let width = min(x + self.width, other.x + other.width) - max(x, other.x)
        let height = min(y + self.height, other.y + other.height) - max(y, other.y)
        return width > 0 && height > 0 ? width * height : 0
    }

    /// Intersection over union, 0...1.
    public func overlap(_ other: FaceBox) -> Double {
        let shared = intersection(other)
        let union = area + other.area - shared
        return union > 0 ? shared / union : 0
    }

    /// Intersection over the smaller box's area, 0...1: 1 when one box lies inside the other.
    func intersectionOverSmaller(_ other: FaceBox) -> Double {
        let smaller = min(area, other.area)
        return smaller > 0 ? intersection(other) / smaller : 0
    }
}
