/// A metadata search over one collection: filters, ordering and a page.
public struct ImageQuery: Sendable, Equatable {
    public var collectionId: Int64
    public var filter: ImageFilter
    /// Results to skip (for paging).
    public var offset: Int
    /// Results to return at most.
    public var limit: Int

    public init(collectionId: Int64, filter: ImageFilter = ImageFilter(), offset: Int = 0, limit: Int = 50) {
        self.collectionId = collectionId
        self.filter = filter
        self.offset = offset
        self.limit = limit
    }
}

/// One page of search results and the number of matches in all pages.
public struct ImagePage: Sendable, Equatable {
    public var images: [ImageRecord]
    public var total: Int

    public init(images: [ImageRecord], total: Int) {
        self.images = images
        self.total = total
    }
}
