/// What the `Split` pre-tokenizer does with the text its pattern matches (Hugging Face's
/// `SplitDelimiterBehavior`).
enum SplitBehavior: String, CaseIterable, Sendable {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    /// The ranges of the pieces of a text of `count` scalars whose pattern matches are `matches`
    /// (sorted, not overlapping), empty pieces left out.
    func pieces(of scalars: [Unicode.Scalar], matches: [Range<Int>]) -> [Range<Int>] {
        // The text as alternating runs: (range, is a match).
        var runs: [(range: Range<Int>, isMatch: Bool)] = []
        var position = 0
        for match in matches {
            if match.lowerBound > position { runs.append((position..<match.lowerBound, false)) }
            runs.append((match, true))
            position = match.upperBound
        }
        if position < scalars.count { runs.append((position..<scalars.count, false)) }
        var pieces: [Range<Int>] = []
        switch self {
        case .removed:
            pieces = runs.filter { !$0.isMatch }.map(\.range)
        case .isolated:
            pieces = runs.map(\.range)
        case .contiguous:
            var previousWasMatch = false
            for run in runs {
                if run.isMatch, previousWasMatch, let last = pieces.last {
                    pieces[pieces.count - 1] = last.lowerBound..<run.range.upperBound
                } else {
                    pieces.append(run.range)
                }
                previousWasMatch = run.isMatch
            }
        case .mergedWithPrevious:
            var previousWasMatch = false
            for run in runs {
                if run.isMatch, !previousWasMatch, let last = pieces.last {
                    pieces[pieces.count - 1] = last.lowerBound..<run.range.upperBound
                } else {
                    pieces.append(run.range)
                }
                previousWasMatch = run.isMatch
            }
        case .mergedWithNext:
            var previousWasMatch = false
            for run in runs.reversed() {
                if run.isMatch, !previousWasMatch, let last = pieces.last {
                    pieces[pieces.count - 1] = run.range.lowerBound..<last.upperBound
                } else {
                    pieces.append(run.range)
                }
                previousWasMatch = run.isMatch
            }
            pieces.reverse()
        }
        return pieces.filter { !$0.isEmpty }
    }
}
