import CVipsShim

/// Turns libvips' pending error text into an ``ImagingError``.
enum VipsFailure {
    /// Phrases by which libvips and the codecs under it report data that ends too early.
    private static let truncationPhrases = [
        "premature end", "truncated", "not enough data", "unexpected end", "end of file",
        "short read", "read error", "incomplete", "out of data", "insufficient image data",
    ]

    /// The error text libvips accumulated (then cleared), classified as truncated or corrupt.
    static func take(_ fallback: String) -> ImagingError {
        var detail = fallback
        if let text = sg_error_take() {
            detail = oneLine(String(cString: text))
            sg_free(text)
        }
        if detail.count > 500 { detail = String(detail.prefix(500)) + "..." }
        let lowered = detail.lowercased()
        return truncationPhrases.contains(where: lowered.contains) ? .truncated(detail) : .corrupt(detail)
    }

    /// libvips stacks one message per line, often repeating itself; a user needs each once, on
    /// one line.
    static func oneLine(_ text: String) -> String {
        var seen = Set<String>()
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
            .joined(separator: "; ")
    }
}
