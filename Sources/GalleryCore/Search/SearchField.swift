/// Every field a search takes, named once for both fronts: the API's JSON field or query
/// parameter is ``rawValue`` (`min_width`), the CLI's flag is ``flag`` (`--min-width`).
///
/// The README's search table lists these, with ``help``; the CLI's help texts are these.
public enum SearchField: String, CaseIterable, Sendable {
    case after, before, camera, make, model, lens, format
    case minWidth = "min_width"
    case maxWidth = "max_width"
    case minHeight = "min_height"
    case maxHeight = "max_height"
    case hasLocation = "has_location"
    case near, bbox, place, path, person, text, color, album, favorite, rating
    case personMatch = "person_match"
    case limit, offset
    case minScore = "min_score"
    case all
    case semanticWeight = "semantic_weight"
    case exampleWeight = "example_weight"
    case fusion
    case language

    /// The kind of value a field takes.
    public enum Value: Sendable {
        case text, integer, number, boolean
        /// A person's id or name; repeatable (a JSON array).
        case persons
        /// One of a few words.
        case choice([String])
    }

    /// The fields that filter (the others choose the page).
    public static let filters: [SearchField] = allCases.filter(\.isFilter)

    /// Whether the field filters (rather than choosing the page).
    public var isFilter: Bool {
        switch self {
        case .limit, .offset, .minScore, .all, .semanticWeight, .exampleWeight, .fusion, .language: false
        default: true
        }
    }

    /// What the field takes.
    public var value: Value {
        switch self {
        case .minWidth, .maxWidth, .minHeight, .maxHeight, .limit, .offset: .integer
        case .minScore, .semanticWeight, .exampleWeight: .number
        case .hasLocation, .all, .favorite: .boolean
        case .person: .persons
        case .personMatch: .choice(["all", "any"])
        case .fusion: .choice(FusionMethod.allCases.map(\.rawValue))
        default: .text
        }
    }

    /// The CLI flag: `--` and the name with dashes.
    public var flag: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }

    /// What the field does, for help texts and the documentation.
    public var help: String {
        switch self {
        case .after: "Taken on or after this date: 2019, 2019-07, 2019-07-14 or an ISO 8601 date-time."
        case .before: "Taken before this date (2019-07-14: before that day begins; 2019: before 2019 begins)."
        case .camera: "Camera make or model contains (any case), e.g. Canon or \"iPhone 12\"."
        case .make: "Camera maker (exact, any case), e.g. Canon."
        case .model: "Camera model contains, e.g. \"EOS 40D\"."
        case .lens: "Lens model contains."
        case .format: "Formats, comma-separated: jpeg (jpg), png, webp, gif, tiff (tif), bmp, heic (heif), avif."
        case .minWidth: "Minimum width in pixels."
        case .maxWidth: "Maximum width in pixels."
        case .minHeight: "Minimum height in pixels."
        case .maxHeight: "Maximum height in pixels."
        case .hasLocation: "Only photos with (true) or without (false) a GPS position."
        case .near: "Within a radius of a point: LAT,LON,KM (e.g. 48.8584,2.2945,5)."
        case .bbox: "Within a box: WEST,SOUTH,EAST,NORTH in degrees (e.g. 2.2,48.8,2.5,48.9; WEST > EAST crosses the antimeridian)."
        case .color: "Colours covering much of the photo, comma-separated: \(ColourName.words); 'mostly blue': its largest colour."
        case .place: "Town, region or country the photo was taken in (offline reverse geocoding of its GPS position)."
        case .path: "The file's path contains this text."
        case .album: "Only photos in this manual album of yours (by name); `album:NAME` in the text."
        case .favorite: "Only your favourites (true) or only the others (false); `is:favorite` in the text."
        case .rating: "Star ratings: 5, >=4, >3, <=2, <3 or 2-4 (0: not rated); `rating:>=4` in the text."
        case .text: "Words in the photo (OCR); substrings match, any case and accents."
        case .person: "Only photos with this person (id or name); repeat for several."
        case .personMatch: "With several persons: all (together, the default) or any."
        case .limit: "Results to return (1 to \(SearchLimits.maxLimit); default \(SearchLimits.defaultLimit))."
        case .offset: "Results to skip (for paging)."
        case .minScore: "Leave out results scoring below this similarity (-1 to 1)."
        case .semanticWeight:
            "The semantic side's share of the ranking: 1 ranks by meaning only, 0 by keywords only (default \(SearchService.defaultSemanticWeight))."
        case .exampleWeight: "With a text and an example image, the example's share of the query (0 to 1, default 0.5)."
        case .fusion: "How the semantic and keyword rankings combine: score (normalised scores, the default) or rrf (reciprocal ranks)."
        case .language:
            "The query's language (en, fr, pt-BR ...; default: the configured models.language): NLLB models get its FLORES-200 code, as in Immich (a language Immich does not name: English)."
        case .all: "Page past the relevance floor into the weaker matches too (they are counted in `total`, not `relevant`)."
        }
    }
}
