/// `manifest.json` of the offline model pack, as `scripts/models/build-offline-pack.sh` writes it.
public struct OfflinePackManifest: Decodable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var kind: String
    public var image: ImagePart
    public var text: TextPart
    public var classes: FilePart
    public var classBank: ClassBankPart

    public struct FilePart: Decodable, Sendable, Equatable {
        public var file: String
        public var sha256: String
    }

    public struct ImagePart: Decodable, Sendable, Equatable {
        public var file: String
        public var sha256: String
        public var input: String
        public var logitsOutput: String
        public var featuresOutput: String
        public var featureDim: Int
        public var classes: Int
        public var preprocess: Preprocess
    }

    public struct Preprocess: Decodable, Sendable, Equatable {
        public var size: Int
        public var resizeMode: ImagePreprocessing.ResizeMode
        public var cropFraction: Double
        public var interpolation: ImagePreprocessing.Interpolation
        public var mean: [Float]
        public var std: [Float]
    }

    public struct TextPart: Decodable, Sendable, Equatable {
        public var file: String
        public var sha256: String
        public var inputs: [String: String]
        public var output: String
        public var dim: Int
        public var maxLength: Int
        public var lowercase: Bool
        public var vocab: String
    }

    public struct ClassBankPart: Decodable, Sendable, Equatable {
        public var file: String
        public var sha256: String
        public var shape: [Int]
        /// Softmax temperature for the ConSE combination.
        public var temperature: Float
        /// Classes combined per image.
        public var topK: Int
    }

    /// The kind written by the export script.
    public static let kind = "offline-pack"
}
