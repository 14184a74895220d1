/// The text detector's output: one probability per pixel of its input, row-major.
struct ProbabilityMap: Sendable {
    var width: Int
    var height: Int
    var values: [Float]

    subscript(x: Int, y: Int) -> Float { values[y * width + x] }
}
