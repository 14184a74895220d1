/// The fields of an image's keyword document: one FTS5 column each, in this order.
public enum KeywordField: String, Sendable, Codable, CaseIterable, Hashable {
    /// File and folder names, split into words ("IMG_2019-07-14_beachParty.jpg" -> "img 2019 07 14 beach party").
    case names
    /// What the photo says about itself: XMP/IPTC keywords, title, headline, description, EXIF comments.
    case captions
    /// Camera make, model and lens.
    case camera
    /// Named persons whose faces are in the photo.
    case people
    /// The model's top tags for the photo, with their words (WordNet synonyms and hypernyms).
    case tags
    /// The user's own tags and description.
    case user
    /// Place names (reverse geocoding).
    case places
    /// Text read in the photo (OCR).
    case text

    /// The column's weight in BM25 ranking: what a person typed about a photo counts most, then
    /// what the photo says about itself, then what was inferred.
    public var weight: Double {
        switch self {
        case .user: 8
        case .people: 6
        case .captions: 5
        case .places: 4
        case .names: 3
        case .text: 2.5
        case .tags: 2
        case .camera: 1.5
        }
    }

    /// The column's position in the FTS5 table.
    var columnIndex: Int { Self.allCases.firstIndex(of: self)! }
}
