import GRDB

extension KeywordSource {
    /// The town, region and country a photo was taken in (its current position's place).
    static let places = KeywordSource(field: .places) { db, ids in
        try KeywordSource.texts(
            db,
            sql: """
                SELECT p.imageId AS id, TRIM(IFNULL(p.city, '') || ' ' || IFNULL(p.region, '') || ' ' || IFNULL(p.country, '')) AS text
                FROM imagePlace p JOIN image ON image.id = p.imageId
                WHERE p.latitude = image.latitude AND p.longitude = image.longitude AND p.imageId IN
                """, ids: ids)
    }
}
