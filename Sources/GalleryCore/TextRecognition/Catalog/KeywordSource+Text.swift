import GRDB

extension KeywordSource {
    /// The text read in the photo (OCR), of its current content.
    static let text = KeywordSource(field: .text) { db, ids in
        try KeywordSource.texts(
            db,
            sql: """
                SELECT image.id AS id, t.text AS text FROM image JOIN textRecognition t ON t.contentHash = image.contentHash
                WHERE image.id IN
                """, ids: ids)
    }
}
