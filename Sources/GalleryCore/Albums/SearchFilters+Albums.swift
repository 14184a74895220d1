import Foundation

/// The search-side hooks of albums, favourites and ratings: `album:NAME`, `is:favorite`,
/// `rating:>=4`.
extension SearchFilters {
    /// The value `is:` takes: `favorite` (or `favourite`, `fav`).
    static func isFlag(_ value: String) throws -> Bool {
        guard ["favorite", "favourite", "fav", "favorites", "favourites"].contains(value.lowercased()) else {
            throw SearchError.invalidQuery("'is:' takes favorite (is:favorite), not '\(value.prefix(30))'")
        }
        return true
    }

    /// A manual album of the collection by name.
    static func albumId(_ name: String, catalog: AppDatabase, collectionId: Int64) throws -> Int64 {
        let album: AlbumRecord
        do {
            album = try catalog.album(named: name, collectionId: collectionId)
        } catch let error as AlbumError {
            throw SearchError.invalidQuery(error.description)
        }
        guard !album.isSmart else {
            throw SearchError.invalidQuery("'album:' names a manual album; '\(album.name)' is a smart album (search its query instead)")
        }
        return album.id!
    }

    /// Star ratings: `N`, `>=N`, `>N`, `<=N`, `<N` or `N-M`, within 0...5.
    static func ratings(_ text: String) throws -> ClosedRange<Int> {
        let value = text.replacingOccurrences(of: " ", with: "")
        let problem = SearchError.invalidQuery(
            "'rating:' takes 0 to 5 stars as 5, >=4, >3, <=2, <3 or 2-4; got '\(text.prefix(20))'")
        func stars(_ part: Substring) throws -> Int {
            guard let number = Int(part), (0...5).contains(number) else { throw problem }
            return number
        }
        let range: ClosedRange<Int>
        if value.hasPrefix(">=") {
            range = try stars(value.dropFirst(2))...5
        } else if value.hasPrefix("<=") {
            range = 0...(try stars(value.dropFirst(2)))
        } else if value.hasPrefix(">") {
            let low = try stars(value.dropFirst()) + 1
            guard low <= 5 else { throw problem }
            range = low...5
        } else if value.hasPrefix("<") {
            let high = try stars(value.dropFirst()) - 1
            guard high >= 0 else { throw problem }
            range = 0...high
        } else if let dash = value.firstIndex(of: "-") {
            let low = try stars(value[..<dash]), high = try stars(value[value.index(after: dash)...])
            guard low <= high else { throw problem }
            range = low...high
        } else {
            let exact = try stars(value[...])
            range = exact...exact
        }
        return range
    }
}
