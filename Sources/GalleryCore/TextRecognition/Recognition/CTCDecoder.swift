/// Greedy CTC decoding as PaddleOCR's `CTCLabelDecode` does it: the best class per time step,
/// repeats merged, the blank (class 0) dropped; classes 1...n are the dictionary's entries and
/// class n + 1 the space. The confidence is the mean probability of the kept steps (0 when none).
public struct CTCDecoder: Sendable {
    /// The dictionary's entries, in file order.
    public let characters: [String]

    public init(characters: [String]) {
        self.characters = characters
    }

    /// Classes the recognizer must output: blank + dictionary + space.
    public var classCount: Int { characters.count + 2 }

    /// Decodes one line: `probabilities` is `[steps, classCount]`, row-major.
    public func decode(_ probabilities: ArraySlice<Float>, steps: Int) -> (text: String, confidence: Double) {
        precondition(probabilities.count == steps * classCount, "probabilities must be steps x classes")
        var text = ""
        var sum = 0.0, kept = 0
        var previous = -1
        let start = probabilities.startIndex
        for step in 0..<steps {
            var best = 0
            var bestValue = -Float.infinity
            let row = start + step * classCount
            for index in 0..<classCount where probabilities[row + index] > bestValue {
                best = index
                bestValue = probabilities[row + index]
            }
            defer { previous = best }
            guard best != 0, best != previous else { continue }
            text += best <= characters.count ? characters[best - 1] : " "
            sum += Double(bestValue)
            kept += 1
        }
        return (text, kept > 0 ? sum / Double(kept) : 0)
    }
}
