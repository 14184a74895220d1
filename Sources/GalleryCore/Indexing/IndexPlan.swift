/// What a run must do, decided from the crawl and the catalogue before any file is read.
struct IndexPlan {
    /// Files to read: new, changed, or failed and retried.
    var work: [WorkItem] = []
    /// Files skipped as unchanged.
    var unchanged = 0
    /// Records under the roots that the crawl did not find (and were not already missing).
    var gone: [ImageFingerprint] = []
    /// Records under the roots already marked missing by an earlier run and still not found.
    var alreadyMissing: [Int64] = []

    /// - Parameter embedded: Content hashes the active model has embedded (nil: no model). An
    ///   unchanged image whose content the model has not seen is read again to embed it.
    init(crawl: CrawlResult, known: [String: ImageFingerprint], roots: [String], retryFailed: Bool, embedded: Set<String>?) {
        var seen = Set<String>()
        seen.reserveCapacity(crawl.files.count)
        for file in crawl.files {
            seen.insert(file.path)
            let existing = known[file.path]
            if let existing, existing.status != .missing, Self.isSameVersion(file, as: existing),
                existing.sidecar == file.sidecar, !(retryFailed && existing.status == .failed),
                !Self.needsEmbedding(existing, embedded: embedded)
            {
                unchanged += 1
            } else {
                work.append(WorkItem(file: file, existing: existing))
            }
        }
        let prefixes = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for fingerprint in known.values where !seen.contains(fingerprint.path) {
            let underRoot = roots.contains(fingerprint.path) || prefixes.contains { fingerprint.path.hasPrefix($0) }
            guard underRoot else { continue }
            if fingerprint.status == .missing {
                alreadyMissing.append(fingerprint.id)
            } else {
                gone.append(fingerprint)
            }
        }
    }

    /// Whether the file is as the record last saw it: the same size, and the same entity tag
    /// for an object or the same modification time for a file.
    static func isSameVersion(_ file: CrawledFile, as existing: ImageFingerprint) -> Bool {
        guard existing.fileSize == file.size else { return false }
        if let etag = file.etag { return etag == existing.etag }
        return existing.modifiedAt == file.modifiedAt
    }

    static func needsEmbedding(_ fingerprint: ImageFingerprint, embedded: Set<String>?) -> Bool {
        guard let embedded, fingerprint.status == .indexed, let hash = fingerprint.contentHash else { return false }
        return !embedded.contains(hash)
    }
}
