import Foundation
import GRDB

/// One content's OCR result for one OCR model (table `textRecognition`).
public struct TextRecognitionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "textRecognition"

    public var id: Int64?
    public var contentHash: String
    public var model: String
    /// The lines joined by newlines.
    public var text: String
    public var lines: [RecognizedLine]
    /// ``TextFolding/searchable(_:)`` of the lines.
    public var folded: String
    public var scannedAt: Date

    public init(scan: TextScan, scannedAt: Date = Date()) {
        contentHash = scan.contentHash
        model = scan.text.model
        text = scan.text.text
        lines = scan.text.lines
        folded = TextFolding.searchable(scan.text.lines.map(\.text))
        self.scannedAt = scannedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let contentHash = Column(CodingKeys.contentHash)
        public static let model = Column(CodingKeys.model)
    }
}
