import GRDB

extension ImageFilter {
    /// Applies the filter to a request over indexed images.
    func apply(to request: QueryInterfaceRequest<ImageRecord>) -> QueryInterfaceRequest<ImageRecord> {
        typealias Columns = ImageRecord.Columns
        var request = request
        if let takenAfter { request = request.filter(Columns.takenAt >= takenAfter) }
        if let takenBefore { request = request.filter(Columns.takenAt < takenBefore) }
        if let camera {
            request = request.filter(
                sql: "(IFNULL(cameraMake, '') || ' ' || IFNULL(cameraModel, '')) LIKE ? ESCAPE '\\'",
                arguments: [Self.containsPattern(camera)])
        }
        if let cameraMake { request = request.filter(Columns.cameraMake.collating(.nocase) == cameraMake) }
        if let cameraModel { request = request.filter(Columns.cameraModel.like(Self.containsPattern(cameraModel), escape: "\\")) }
        if let lensModel { request = request.filter(Columns.lensModel.like(Self.containsPattern(lensModel), escape: "\\")) }
        if let formats, !formats.isEmpty { request = request.filter(formats.map(\.rawValue).contains(Columns.format)) }
        if let minWidth { request = request.filter(Columns.width >= minWidth) }
        if let maxWidth { request = request.filter(Columns.width <= maxWidth) }
        if let minHeight { request = request.filter(Columns.height >= minHeight) }
        if let maxHeight { request = request.filter(Columns.height <= maxHeight) }
        if let hasLocation {
            request =
                hasLocation
                ? request.filter(Columns.latitude != nil && Columns.longitude != nil)
                : request.filter(Columns.latitude == nil || Columns.longitude == nil)
        }
        if let near {
            request = request.filter(
                sql: "distance_km(latitude, longitude, ?, ?) <= ?",
                arguments: [near.latitude, near.longitude, near.radiusKilometres])
        }
        if let area {
            let condition = area.condition
            request = request.filter(sql: condition.sql, arguments: StatementArguments(condition.arguments))
        }
        for colour in colors {
            let condition = colour.condition
            request = request.filter(sql: condition.sql, arguments: condition.arguments)
        }
        if let place { request = place.apply(to: request) }
        if let pathContains { request = request.filter(Columns.path.like(Self.containsPattern(pathContains), escape: "\\")) }
        if let photoText {
            let condition = TextQuery(photoText).condition
            request = request.filter(
                sql: condition.sql.isEmpty
                    ? "0"
                    : "EXISTS (SELECT 1 FROM textRecognition tr WHERE tr.contentHash = image.contentHash AND \(condition.sql))",
                arguments: StatementArguments(condition.arguments))
        }
        if let persons, !persons.isEmpty {
            let inPhoto = "EXISTS (SELECT 1 FROM face WHERE face.imageId = image.id AND face.personId "
            switch personMatch {
            case .all:
                for person in persons { request = request.filter(sql: inPhoto + "= ?)", arguments: [person]) }
            case .any:
                let list = persons.map { String($0) }.joined(separator: ",")
                request = request.filter(sql: inPhoto + "IN (\(list)))")
            }
        }
        if let albumId {
            request = request.filter(sql: "image.id IN (SELECT imageId FROM albumImage WHERE albumId = ?)", arguments: [albumId])
        }
        if let favorite {
            request = request.filter(
                sql: "\(favorite ? "" : "NOT ")EXISTS (SELECT 1 FROM imageMark WHERE imageMark.imageId = image.id AND favorite)")
        }
        if let ratings {
            request = request.filter(
                sql: "IFNULL((SELECT rating FROM imageMark WHERE imageMark.imageId = image.id), 0) BETWEEN ? AND ?",
                arguments: [ratings.lowerBound, ratings.upperBound])
        }
        let index = KeywordSchema.indexTable
        if let keywords {
            // A query without a word matches nothing (FTS5 has no "everything").
            let expression = FTS5Expression.make(keywords) ?? "\"\""
            request = request.filter(sql: "image.id IN (SELECT rowid FROM \(index) WHERE \(index) MATCH ?)", arguments: [expression])
        }
        if let expression = FTS5Expression.make(KeywordQuery(clauses: [KeywordClause(excludedKeywords)])) {
            request = request.filter(sql: "image.id NOT IN (SELECT rowid FROM \(index) WHERE \(index) MATCH ?)", arguments: [expression])
        }
        return request
    }

    /// A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped.
    static func containsPattern(_ text: String) -> String {
        let escaped =
            text
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }
}
