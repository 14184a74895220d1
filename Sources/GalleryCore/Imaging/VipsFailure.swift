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
            detail = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
            sg_free(text)
        }
        if detail.count > 500 { detail = String(detail.prefix(500)) + "..." }
        let lowered = detail.lowercased()
        return truncationPhrases.contains(where: lowered.contains) ? .truncated(detail) : .corrupt(detail)
    }
}
