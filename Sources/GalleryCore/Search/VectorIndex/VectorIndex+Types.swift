extension VectorIndex {
    /// One indexed image.
    public struct Entry: Sendable {
        public var imageId: Int64
        public var collectionId: Int64
        /// Which content the vector was made from (see ``IndexKey``).
        public var version: UInt64
        public var vector: [Float]

        public init(imageId: Int64, collectionId: Int64, version: UInt64 = 0, vector: [Float]) {
            self.imageId = imageId
            self.collectionId = collectionId
            self.version = version
            self.vector = vector
        }
    }

    /// A result: an image and its cosine similarity to the query.
    public struct Hit: Sendable, Equatable {
        public var imageId: Int64
        public var score: Float

        public init(imageId: Int64, score: Float) {
            self.imageId = imageId
            self.score = score
        }
    }

    /// An image's score and its rank among the candidates (1 = best; ties share the better
    /// rank, at the histogram's resolution of 1/1024).
    public struct Scored: Sendable, Equatable {
        public var score: Float
        public var rank: Int

        public init(score: Float, rank: Int) {
            self.score = score
            self.rank = rank
        }
    }
}
