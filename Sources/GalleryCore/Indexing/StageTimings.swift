/// Seconds spent in each stage of indexing, summed over all workers.
public struct StageTimings: Sendable, Equatable, Codable {
    /// Reading files and hashing their bytes.
    public var readAndHash: Double = 0
    /// Header inspection and metadata parsing.
    public var inspect: Double = 0
    /// Decoding with shrink-on-load, resizing and encoding thumbnails.
    public var thumbnails: Double = 0
    /// Decoding and preparing model input when no thumbnail decode could be reused.
    public var decodeForModel: Double = 0
    /// Model inference.
    public var inference: Double = 0
    /// Face detection and description (with the decode it needed).
    public var faces: Double = 0
    /// Reading the text in photos (with the decode it needed).
    public var ocr: Double = 0
    /// Catalogue transactions.
    public var catalogWrites: Double = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case inspect, thumbnails, inference, faces, ocr
        case readAndHash = "read_and_hash"
        case decodeForModel = "decode_for_model"
        case catalogWrites = "catalog_writes"
    }

    public static func + (lhs: StageTimings, rhs: StageTimings) -> StageTimings {
        var sum = lhs
        sum.readAndHash += rhs.readAndHash
        sum.inspect += rhs.inspect
        sum.thumbnails += rhs.thumbnails
        sum.decodeForModel += rhs.decodeForModel
        sum.inference += rhs.inference
        sum.faces += rhs.faces
        sum.ocr += rhs.ocr
        sum.catalogWrites += rhs.catalogWrites
        return sum
    }
}
