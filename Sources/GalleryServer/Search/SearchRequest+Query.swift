import GalleryCore
import Hummingbird

extension SearchRequest {
    /// A search whose every field comes from the query string, by ``SearchField`` names: the
    /// list endpoint, and search by an uploaded photo (whose body is the photo).
    /// - Throws: ``SearchError`` for a number or flag that does not parse.
    init(query request: Request, collectionId: Int64, defaultLimit: Int = SearchLimits.defaultLimit) throws {
        let pairs = request.queryPairs
        func value(_ field: SearchField) -> String? { pairs.last { $0.name == field.rawValue }?.value }
        func number<T: LosslessStringConvertible>(_ field: SearchField, _ type: T.Type) throws -> T? {
            guard let text = value(field) else { return nil }
            guard let parsed = T(text) else {
                throw SearchError.invalidRange("'\(field.rawValue)' must be a number; got '\(text.prefix(40))'")
            }
            return parsed
        }
        var all = false
        if let text = value(.all) {
            guard let flag = Bool(text.lowercased()) else { throw SearchError.invalidRange("'all' must be true or false") }
            all = flag
        }
        self.init(
            collectionId: collectionId, filters: try SearchFilters(parameters: pairs),
            offset: try number(.offset, Int.self) ?? 0, limit: try number(.limit, Int.self) ?? defaultLimit,
            minScore: try number(.minScore, Float.self), all: all)
        semanticWeight = try number(.semanticWeight, Double.self)
        exampleWeight = try number(.exampleWeight, Double.self)
        fusion = try value(.fusion).map(FusionMethod.named)
        language = value(.language)
    }
}

extension FusionMethod {
    /// The method a request names.
    /// - Throws: ``SearchError/invalidRange(_:)`` naming the methods for any other name.
    static func named(_ name: String) throws -> FusionMethod {
        guard let method = FusionMethod(rawValue: name.lowercased()) else {
            throw SearchError.invalidRange(
                "'fusion' must be one of \(FusionMethod.allCases.map(\.rawValue).joined(separator: ", ")); got '\(name.prefix(20))'")
        }
        return method
    }
}

extension Request {
    /// The query parameters in order, repeated names included.
    var queryPairs: [(name: String, value: String)] {
        uri.queryParameters.map { (String($0.key), String($0.value)) }
    }
}
