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
            collectionId: collectionId, filters: try SearchFilters(parameters: pairs), offset: try number(.offset, Int.self) ?? 0,
            limit: try number(.limit, Int.self) ?? defaultLimit, minScore: try number(.minScore, Float.self), all: all)
    }
}

extension Request {
    /// The query parameters in order, repeated names included.
    var queryPairs: [(name: String, value: String)] {
        uri.queryParameters.map { (String($0.key), String($0.value)) }
    }
}

/// A search whose every field comes from the query string (the list endpoint, and search by an
/// uploaded photo, whose body is the photo).
func queryRequest(
    _ collection: CollectionRecord, _ request: Request, defaultLimit: Int = SearchLimits.defaultLimit
) throws
    -> SearchRequest
{
    let pairs = request.queryPairs
    func value(_ field: SearchField) -> String? { pairs.last { $0.name == field.rawValue }?.value }
    func number<T: LosslessStringConvertible>(_ field: SearchField, _ type: T.Type) throws -> T? {
        guard let text = value(field) else { return nil }
        guard let parsed = T(text) else { throw SearchError.invalidRange("'\(field.rawValue)' must be a number; got '\(text.prefix(40))'") }
        return parsed
    }
    var all = false
    if let text = value(.all) {
        guard let flag = Bool(text.lowercased()) else { throw SearchError.invalidRange("'all' must be true or false") }
        all = flag
    }
    return SearchRequest(
        collectionId: collection.id!, filters: try SearchFilters(parameters: pairs), offset: try number(.offset, Int.self) ?? 0,
        limit: try number(.limit, Int.self) ?? defaultLimit, minScore: try number(.minScore, Float.self), all: all)
}
