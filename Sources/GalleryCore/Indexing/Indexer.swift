import Foundation
import Logging

/// Brings a collection up to date with folders on disk: the data path's first half
/// (crawl, read, hash, inspect, thumbnail, catalogue).
///
/// Incremental and resumable: unchanged files (same size and modification time) are skipped
/// without reading them; results are committed in batches, so after a kill the next run
/// carries on where the last committed batch ended, with no duplicates.
///
/// ```swift
/// let indexer = Indexer(configuration: configuration, catalog: catalog, logger: logger)
/// let summary = try await indexer.index(roots: ["/srv/photos"], collection: collection) { progress in
///     print(progress.done, "/", progress.total)
/// }
/// ```
public struct Indexer: Sendable {
    public let configuration: GalleryConfiguration
    public let catalog: AppDatabase
    public let logger: Logger
    /// The model that embeds new content; nil indexes without embeddings.
    public let model: (any EmbeddingModel)?
    /// Finds faces in new content, then in any image not yet scanned, and clusters them into
    /// persons; nil indexes without faces.
    public let faces: FaceAnalyzer?
    /// Names the place of photos with a GPS position (new ones and any not yet placed); nil
    /// indexes without places.
    public let places: PlaceDirectory?

    /// Reads the text of new content, then of any image its model has not read; nil indexes
    /// without OCR.
    public let text: TextRecognizer?

    public init(
        configuration: GalleryConfiguration, catalog: AppDatabase, logger: Logger, model: (any EmbeddingModel)? = nil,
        faces: FaceAnalyzer? = nil, places: PlaceDirectory? = nil, text: TextRecognizer? = nil
    ) {
        self.configuration = configuration
        self.catalog = catalog
        self.logger = logger
        self.model = model
        self.faces = faces
        self.places = places
        self.text = text
    }

    /// Indexes `roots` (folders, files, or bucket roots `s3://BUCKET/PREFIX`; default: the
    /// configured ones) into `collection`.
    /// - Throws: ``IndexingError`` when a root does not exist; ``StorageError`` when a bucket
    ///   root's bucket does not exist or refuses the credentials; ``ConfigurationError`` when
    ///   the S3 service has no credentials; catalogue errors.
    public func index(
        roots: [String], collection: CollectionRecord, options: IndexOptions = IndexOptions(),
        progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }
    ) async throws -> IndexSummary {
        let started = ContinuousClock.now
        let bucketSource = BucketSource(settings: configuration.storage)
        let runRoots = try RunRoots(roots.isEmpty ? configuration.roots + configuration.bucketRoots : roots, source: bucketSource)
        let roots = runRoots.all
        guard let collectionId = collection.id else { preconditionFailure("collection is not saved") }
        let store = ThumbnailStore(root: configuration.thumbnailsURL)
        store.removeStaleTemporaryFiles()

        let crawl = try await runRoots.crawl(
            Crawler(
                exclusions: configuration.exclusionPatterns,
                excludedFolders: configuration.internalFolders.map(\.standardizedFileURL.path),
                followSymlinks: configuration.followSymlinks, allowedRoots: options.allowedRoots),
            source: bucketSource)
        let objects = runRoots.buckets.isEmpty ? nil : bucketSource
        let crawlElapsed = (ContinuousClock.now - started).seconds
        for warning in crawl.warnings {
            logger.warning("cannot walk", metadata: ["crawl.path": "\(warning.path)", "crawl.problem": "\(warning.problem.rawValue)"])
        }

        let known = try catalog.fingerprints(collectionId: collectionId)
        if let model {
            // An older model of the same name and another dimension: its vectors cannot be searched.
            let dropped = try catalog.deleteEmbeddings(ofOtherDimensionThan: model)
            if dropped > 0 {
                logger.notice(
                    "embeddings of another dimension dropped",
                    metadata: ["model.identifier": "\(model.identifier)", "embeddings.dropped": "\(dropped)"])
            }
        }
        let embedded = try model.map { try catalog.embeddedHashes(model: $0.identifier) }
        let plan = IndexPlan(
            crawl: crawl, known: known, roots: roots, retryFailed: options.retryFailed, embedded: embedded)
        var run = try catalog.startRun(collectionId: collectionId, roots: roots)
        run.counts.discovered = crawl.files.count
        run.counts.unchanged = plan.unchanged
        logger.info(
            "indexing",
            metadata: ["index.roots": "\(roots)", "index.discovered": "\(crawl.files.count)", "index.toRead": "\(plan.work.count)"])

        let moves = MoveCandidates(plan.gone + known.values.filter { $0.status == .missing })
        let processor = FileProcessor(
            collectionId: collectionId, decoder: PhotoDecoder(limits: configuration.limits), thumbnails: store,
            settings: configuration.thumbnails, maxFileBytes: configuration.limits.maxFileBytes,
            model: model, embedded: embedded ?? [], moves: moves, faces: faces, text: text,
            textScanned: try text.map { try catalog.textScannedHashes(model: $0.identifier) } ?? [])
        var failuresByReason: [FailureReason: Int] = [:]
        var timings = StageTimings()
        let readStarted = ContinuousClock.now
        var state = IndexProgress(total: plan.work.count, done: 0, failed: 0, elapsed: 0)
        progress(state)

        try await withThrowingTaskGroup(of: ProcessedFile.self) { group in
            var pending = plan.work.makeIterator()
            for _ in 0..<configuration.threads {
                guard let item = pending.next() else { break }
                group.addTask { await Self.process(item, with: processor, objects: objects) }
            }
            var batch = PendingBatch()
            while let result = try await group.next() {
                try Task.checkCancellation()
                if let item = pending.next() {
                    group.addTask { await Self.process(item, with: processor, objects: objects) }
                }
                batch.changes.append(result.change)
                if let embedding = result.embedding { batch.embeddings.append(embedding) }
                if let scan = result.faceScan { batch.faceScans.append(scan) }
                if let scan = result.textScan { batch.textScans.append(scan) }
                if let hash = result.perceptualHash { batch.perceptualHashes.append(hash) }
                if let warning = result.warning {
                    logger.warning(
                        "indexed with a problem", metadata: ["image.path": "\(result.change.path)", "index.problem": "\(warning)"])
                }
                timings = timings + result.timings
                run.counts.record(result.outcome)
                state.done += 1
                if case .failed(let reason, let message) = result.outcome {
                    state.failed += 1
                    failuresByReason[reason, default: 0] += 1
                    logger.debug(
                        "cannot index",
                        metadata: [
                            "image.path": "\(result.change.path)", "failure.reason": "\(reason.rawValue)", "failure.message": "\(message)",
                        ])
                }
                if batch.changes.count >= configuration.batchSize {
                    timings.catalogWrites += try commit(&batch, run: run)
                }
                state.elapsed = (ContinuousClock.now - readStarted).seconds
                progress(state)
            }
            timings.catalogWrites += try commit(&batch, run: run)
        }

        // Gone records that no move took, and those that never held an image (failed: no move
        // can take them).
        let unclaimed = moves.unclaimed()
        let goneIds =
            plan.gone.filter { unclaimed.contains($0.id) || !$0.wasIndexed }.map(\.id) + (options.prune ? plan.alreadyMissing : [])
        try forget(imageIds: goneIds, prune: options.prune, thumbnails: store)
        if options.prune { run.counts.removed = goneIds.count } else { run.counts.missing = goneIds.count }
        let placeOutcome = try places.map {
            try PlaceScanner(catalog: catalog, places: $0, maxDistanceKilometres: configuration.places.maxDistanceKilometres)
                .scan(collectionId: collectionId, logger: logger)
        }
        // Dominant colours from the small thumbnails of new content (and any not scanned yet).
        let colourOutcome = try await ColourScanner(catalog: catalog, thumbnails: store, threads: configuration.threads)
            .scan(collectionId: collectionId, logger: logger)
        let faceOutcome = try await findFaces(collectionId: collectionId, progress: progress)
        var textOutcome: TextScanSummary?
        if let text {
            // Content the pass above did not read (moved, copied, failed before, an older model).
            textOutcome = try await TextScanner(configuration: configuration, catalog: catalog, recognizer: text, logger: logger)
                .scan(collectionId: collectionId) { state in
                    if state.total > 0 { progress(state) }
                }
        }
        // Hashes for content the pass above did not render (moved, copied, indexed before
        // duplicates existed), then this collection's new photos compared against it.
        try PerceptualHashScanner(catalog: catalog, thumbnails: store, decoder: PhotoDecoder(limits: configuration.limits))
            .scan(collectionId: collectionId, logger: logger)
        try DuplicateFinder(catalog: catalog, settings: configuration.duplicates).find(collectionId: collectionId, logger: logger)
        if options.maintainKeywords {
            try KeywordMaintenance(
                catalog: catalog, tagWordsFolder: KeywordMaintenance.tagWordsFolder(home: configuration.home), logger: logger
            ).run(collectionId: collectionId, decoder: PhotoDecoder(limits: configuration.limits))
        }
        run.finishedAt = Date()
        try catalog.saveRun(run)
        let summary = IndexSummary(
            runId: run.id ?? 0, roots: roots, counts: run.counts, failuresByReason: failuresByReason,
            warnings: crawl.warnings, elapsed: (ContinuousClock.now - started).seconds, crawlElapsed: crawlElapsed,
            timings: timings, peakResidentBytes: ProcessStatistics.peakResidentBytes, faces: faceOutcome,
            places: placeOutcome, text: textOutcome, colors: colourOutcome)
        logger.info(
            "indexed",
            metadata: [
                "index.added": "\(run.counts.added)", "index.updated": "\(run.counts.updated)",
                "index.moved": "\(run.counts.moved)", "index.embedded": "\(run.counts.embedded)",
                "index.unchanged": "\(run.counts.unchanged)",
                "index.failed": "\(run.counts.failed)", "index.missing": "\(run.counts.missing)",
                "index.removed": "\(run.counts.removed)", "index.seconds": "\(summary.elapsed)",
            ])
        return summary
    }

    /// Scans the images the pass above did not (moved or copied content, earlier failures),
    /// then clusters new faces into persons.
    private func findFaces(
        collectionId: Int64, progress: @escaping @Sendable (IndexProgress) -> Void
    ) async throws -> FacesOutcome? {
        guard let faces else { return nil }
        let scan = try await FaceScanner(configuration: configuration, catalog: catalog, analyzer: faces, logger: logger)
            .scan(collectionId: collectionId) { state in
                if state.total > 0 { progress(state) }
            }
        let clustering = try FaceClusterer(catalog: catalog, settings: configuration.faces.clustering).cluster(
            collectionId: collectionId)
        logger.info(
            "clustered faces",
            metadata: [
                "faces.total": "\(clustering.faces)", "faces.joined": "\(clustering.joined)",
                "faces.new_persons": "\(clustering.newPersons)", "faces.unassigned": "\(clustering.unassigned)",
            ])
        return FacesOutcome(lateScans: scan, clustering: clustering)
    }

    /// Results waiting for their transaction.
    private struct PendingBatch {
        var changes: [CatalogChange] = []
        var embeddings: [EmbeddingRecord] = []
        var faceScans: [FaceScan] = []
        var textScans: [TextScan] = []
        var perceptualHashes: [PerceptualHashRecord] = []
    }

    /// Commits a batch with the run's counts; returns the seconds it took.
    private func commit(_ batch: inout PendingBatch, run: IndexRunRecord) throws -> Double {
        guard !batch.changes.isEmpty else { return 0 }
        let start = ContinuousClock.now
        try catalog.apply(
            batch.changes, embeddings: batch.embeddings, faceScans: batch.faceScans, textScans: batch.textScans,
            perceptualHashes: batch.perceptualHashes, run: run)
        batch = PendingBatch()
        return (ContinuousClock.now - start).seconds
    }

    /// Processes one work item: a file read on a blocking thread, or an object downloaded first
    /// (the download waits without holding a thread).
    private static func process(_ item: WorkItem, with processor: FileProcessor, objects: BucketSource?) async -> ProcessedFile {
        guard let objects, S3ObjectPath.isObjectPath(item.file.path) else { return await BlockingWork.run { processor.process(item) } }
        let start = ContinuousClock.now
        let contents = await objects.read(item.file, maxBytes: processor.maxFileBytes)
        let seconds = (ContinuousClock.now - start).seconds
        return await BlockingWork.run { processor.process(item, contents: contents, readSeconds: seconds) }
    }

}

extension IndexCounts {
    mutating func record(_ outcome: ProcessedFile.Outcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .moved: moved += 1
        case .embedded: embedded += 1
        case .failed: failed += 1
        }
    }
}

extension CatalogChange {
    /// The path this change writes.
    var path: String {
        switch self {
        case .upsert(let record): record.path
        case .move(_, _, let path, _, _, _, _): path
        }
    }
}

extension Indexer {
    /// What a run does with records whose files are gone: marks them missing, or with `prune`
    /// deletes them and the thumbnails no other image uses.
    func forget(imageIds: [Int64], prune: Bool, thumbnails: ThumbnailStore) throws {
        if prune {
            for hash in try catalog.deleteImages(ids: imageIds) { thumbnails.remove(hash: hash) }
        } else {
            try catalog.markMissing(ids: imageIds)
        }
    }
}
