/// The text read in one file's content, waiting to be written with its catalogue change.
public struct TextScan: Sendable, Equatable {
    /// The content the text was read in.
    public var contentHash: String
    public var text: RecognizedText

    public init(contentHash: String, text: RecognizedText) {
        self.contentHash = contentHash
        self.text = text
    }
}
