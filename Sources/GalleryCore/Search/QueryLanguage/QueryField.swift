/// The `name:` fields of the search bar's query language (`tag:cat`, `place:"New York"`), the
/// same in the CLI's query text, the API's `query` and the web UI's search box.
public enum QueryField: String, CaseIterable, Sendable, Codable {
    case tag, text, file, camera, lens, type, format, place, person, after, before
    case `in`
    case near
    case album, `is`, rating
    case color

    /// The field a name means (any case); `nil` for a name that is not a field.
    public init?(name: some StringProtocol) {
        self.init(rawValue: name.lowercased())
    }

    /// Whether `-field:value` can exclude by this field.
    var isNegatable: Bool {
        switch self {
        case .tag, .file, .text: true
        default: false
        }
    }

    /// What the field matches, for help texts and errors.
    public var help: String {
        switch self {
        case .tag: "a tag: the model's (with its WordNet words: tag:animal) or yours"
        case .text: "words in the photo (OCR): substrings match, any case"
        case .file: "the file or folder name contains this"
        case .camera: "the camera's make or model contains this"
        case .lens: "the lens model contains this"
        case .type, .format: "a format: jpeg, png, webp, gif, tiff, bmp, heic, avif"
        case .place: "the town, region or country it was taken in"
        case .person: "a person in the photo (id or name); person:A OR person:B for either"
        case .after: "taken on or after a date: 2019, 2019-07, 2019-07-14"
        case .before: "taken before a date"
        case .in: "taken in a year, month or day: in:2019, in:2019-07"
        case .near: "within KM of a point: near:LAT,LON,KM"
        case .album: "in one of your (manual) albums, by name"
        case .is: "is:favorite for your favourites"
        case .rating: "rated with stars: rating:5, rating:>=4, rating:<3, rating:2-4"
        case .color: "a colour covering much of the photo: color:blue (\(ColourName.words))"
        }
    }

    /// The field names, for errors and autocompletion.
    public static let names = allCases.map(\.rawValue)
}
