/// The words a photo carries about itself besides its keywords: XMP `dc:title`,
/// `photoshop:Headline` and `dc:description`, IPTC Object Name (2:05), Headline (2:105) and
/// Caption-Abstract (2:120), EXIF `ImageDescription`, `UserComment` and the Windows `XPTitle` /
/// `XPComment` fields. Each field keeps the distinct texts found, XMP first.
public struct PhotoCaptions: Codable, Sendable, Equatable {
    /// `dc:title`, IPTC Object Name, `XPTitle`.
    public var title: String?
    /// `photoshop:Headline`, IPTC Headline.
    public var headline: String?
    /// `dc:description`, IPTC Caption-Abstract, EXIF `ImageDescription` (distinct ones, one per line).
    public var description: String?
    /// EXIF `UserComment`, `XPComment`.
    public var comment: String?

    public init(title: String? = nil, headline: String? = nil, description: String? = nil, comment: String? = nil) {
        self.title = title
        self.headline = headline
        self.description = description
        self.comment = comment
    }

    /// Whether no field is set.
    public var isEmpty: Bool { self == PhotoCaptions() }

    /// Every text, in field order.
    public var texts: [String] { [title, headline, description, comment].compactMap { $0 } }

    /// The distinct, cleaned texts of `candidates` joined by newlines; nil when none is left.
    /// Cameras' and editors' boilerplate ("OLYMPUS DIGITAL CAMERA") is dropped.
    static func combine(_ candidates: [String?]) -> String? {
        var seen: Set<String> = []
        let texts = candidates.compactMap { candidate -> String? in
            guard let text = candidate.map(clean), !text.isEmpty, !isBoilerplate(text) else { return nil }
            return seen.insert(text.lowercased()).inserted ? text : nil
        }
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }

    /// Trimmed of white space and control characters (NULs pad many EXIF fields).
    static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
    }

    /// Texts cameras write into every photo, which say nothing about it.
    private static let boilerplate: Set<String> = [
        "olympus digital camera", "sony dsc", "digital camera", "default", "dcim", "image", "picture",
        "exif_jpeg_picture", "minolta digital camera", "kodak digital still camera", "samsung digital camera",
    ]

    /// Beginnings of what imaging software writes there ("File written by Adobe Photoshop 4.0").
    private static let boilerplatePrefixes = ["file written by ", "created with ", "software: "]

    private static func isBoilerplate(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return boilerplate.contains(lowered) || boilerplatePrefixes.contains { lowered.hasPrefix($0) }
            || text.allSatisfy { $0 == "?" || $0 == " " }
    }
}
