import Crypto
import Foundation

/// Turns one crawled file into a catalogue change: read once, hash, inspect the header, render
/// thumbnails unless the store already has them for these bytes, and embed the content with the
/// active model unless it already has an embedding from it, and find its faces.
///
/// Never throws: every failure becomes a ``ImageStatus/failed`` record with its reason.
struct FileProcessor: Sendable {
    let collectionId: Int64
    let decoder: PhotoDecoder
    let thumbnails: ThumbnailStore
    let settings: ThumbnailSettings
    let maxFileBytes: Int64
    /// The active model, if one is installed; without one, images are indexed unembedded.
    let model: (any EmbeddingModel)?
    /// Content hashes the active model has already embedded.
    let embedded: Set<String>
    /// Records whose files are gone, for moves.
    let moves: MoveCandidates
    /// Finds faces in new content; nil when faces are off or their models are missing.
    let faces: FaceAnalyzer?
    /// Reads the text of new content; nil when OCR is off or its models are missing.
    var text: TextRecognizer? = nil
    /// Content hashes whose text ``text``'s model has already read.
    var textScanned: Set<String> = []

    /// Reads the file from disk, then processes its bytes.
    func process(_ item: WorkItem) -> ProcessedFile {
        let start = ContinuousClock.now
        let contents = Result { () throws(FileReadError) in try FileReader.read(path: item.file.path, maxBytes: maxFileBytes) }
        return process(item, contents: contents, readSeconds: (ContinuousClock.now - start).seconds)
    }

    /// Processes bytes already read (an object downloaded from a bucket root, or a file), or
    /// records why they could not be.
    /// - Parameter readSeconds: how long reading took, counted in ``StageTimings/readAndHash``.
    func process(_ item: WorkItem, contents read: Result<FileReader.Contents, FileReadError>, readSeconds: Double) -> ProcessedFile {
        var timings = StageTimings()
        let clock = ContinuousClock()
        var start = clock.now
        let contents: FileReader.Contents
        switch read {
        case .success(let read): contents = read
        case .failure(let error):
            // A transient failure keeps no entity tag, so the next run reads the object again.
            return failure(
                item, timings, reason: error.reason, message: error.message, etag: error.isTransient ? nil : item.file.etag)
        }
        let hash = HexDigits.string(SHA256.hash(data: contents.data))
        timings.readAndHash = readSeconds + start.duration(to: clock.now).seconds
        let needsEmbedding = model != nil && !embedded.contains(hash)

        do {
            if thumbnails.containsAll(hash: hash), let (known, outcome) = knownRecord(for: item, hash: hash) {
                // Known bytes at this path (touched) or at a new one (moved): keep the record,
                // and read its metadata again only when its sidecar changed.
                var refreshed: RefreshedMetadata?
                var warning: String?
                if item.file.sidecar != known.sidecar {
                    start = clock.now
                    let metadata = try decoder.inspect(contents.data).metadata
                    timings.inspect = start.duration(to: clock.now).seconds
                    let merged = withSidecar(metadata, of: item.file)
                    (refreshed, warning) = (RefreshedMetadata(metadata: merged.metadata, sidecar: merged.sidecar), merged.warning)
                }
                var result = ProcessedFile(
                    change: .move(
                        id: known.id, from: known.path, path: item.file.path, fileSize: contents.size,
                        modifiedAt: contents.modifiedAt, etag: contents.etag, refreshed: refreshed),
                    warning: warning, outcome: outcome, timings: timings)
                if needsEmbedding {
                    (result.embedding, result.warning) = try embedding(
                        of: contents.data, source: nil, hash: hash, timings: &result.timings)
                    if outcome == .updated { result.outcome = .embedded }
                }
                return result
            }
            start = clock.now
            let inspection = try decoder.inspect(contents.data)
            timings.inspect = start.duration(to: clock.now).seconds
            // Decoded once for the model; the thumbnails and the other stages shrink it further.
            var source: DecodedImage?
            if needsEmbedding {
                start = clock.now
                source = try decoder.decodeModelSource(contents.data)
                timings.decodeForModel += start.duration(to: clock.now).seconds
            }
            start = clock.now
            var preview: DecodedImage?
            var perceptualHash: PerceptualHashRecord?
            if !thumbnails.containsAll(hash: hash) {
                let rendered = try renderThumbnails(contents.data, from: source, hash: hash)
                // From the renditions just made (nil: flat, matched by content only).
                perceptualHash = PerceptualHashRecord(contentHash: hash, hash: try? PerceptualHash(image: rendered.hashSource))
                preview = rendered.large
            }
            timings.thumbnails = start.duration(to: clock.now).seconds
            var embedding: EmbeddingRecord?
            let merged = withSidecar(inspection.metadata, of: item.file)
            var warning = merged.warning
            var faceScan: FaceScan?
            if faces != nil {
                if preview == nil {
                    // Made for the faces alone (the thumbnails were already there): their cost.
                    start = clock.now
                    preview = try self.preview(of: contents.data, from: source)
                    timings.faces += start.duration(to: clock.now).seconds
                }
                let faceWarning: String?
                (faceScan, faceWarning) = scanFaces(preview!, path: item.file.path, hash: hash, timings: &timings)
                warning = faceWarning ?? warning
            }
            var textScan: TextScan?
            if let text, !textScanned.contains(hash) {
                if preview == nil {
                    start = clock.now
                    preview = try self.preview(of: contents.data, from: source)
                    timings.ocr += start.duration(to: clock.now).seconds
                }
                let textWarning: String?
                (textScan, textWarning) = readText(preview!, with: text, hash: hash, timings: &timings)
                warning = warning ?? textWarning
            }
            if needsEmbedding {
                let modelWarning: String?
                (embedding, modelWarning) = try self.embedding(of: contents.data, source: source, hash: hash, timings: &timings)
                warning = modelWarning ?? warning
            }
            var record = ImageRecord(
                collectionId: collectionId, path: item.file.path, status: .indexed,
                fileSize: contents.size, modifiedAt: contents.modifiedAt, contentHash: hash, etag: contents.etag)
            record.format = inspection.format
            record.width = inspection.width
            record.height = inspection.height
            record.metadata = merged.metadata
            record.sidecar = merged.sidecar
            return ProcessedFile(
                change: .upsert(record), embedding: embedding, faceScan: faceScan, textScan: textScan,
                perceptualHash: perceptualHash, warning: warning,
                outcome: item.existing == nil ? .added : .updated, timings: timings)
        } catch let error as ImagingError {
            return failure(item, timings, reason: error.reason, message: error.description, contents: contents, hash: hash)
        } catch {
            return failure(
                item, timings, reason: .unreadable, message: "cannot write thumbnail: \(error.localizedDescription)",
                contents: contents, hash: hash)
        }
    }

    /// The record that already holds these bytes: the one at this path (a touched file), or a
    /// gone one whose file turned up here (a move).
    private func knownRecord(for item: WorkItem, hash: String) -> (ImageFingerprint, ProcessedFile.Outcome)? {
        if let existing = item.existing {
            return existing.wasIndexed && existing.contentHash == hash ? (existing, .updated) : nil
        }
        return moves.claim(hash: hash).map { ($0, .moved) }
    }

    /// The photo's metadata with its XMP sidecar's merged in, and the sidecar read. A sidecar
    /// that cannot be read is a warning: the photo is indexed without it, and since no sidecar
    /// is recorded, the next run tries again.
    private func withSidecar(
        _ metadata: PhotoMetadata, of file: CrawledFile
    ) -> (metadata: PhotoMetadata, sidecar: SidecarStamp?, warning: String?) {
        guard let sidecar = file.sidecar else { return (metadata, nil, nil) }
        do {
            return (XMPSidecar.merging(try XMPSidecar.read(sidecar), into: metadata), sidecar, nil)
        } catch {
            return (metadata, nil, "its sidecar \(sidecar.path) was not read: \(error.message)")
        }
    }

    /// Embeds the image with the active model, from its model source (decoded here unless given).
    /// A model failure is returned as a warning (the image stays indexed, unembedded, and the
    /// next run retries); a decoding failure is thrown.
    private func embedding(
        of data: Data, source: DecodedImage?, hash: String, timings: inout StageTimings
    ) throws(ImagingError) -> (EmbeddingRecord?, String?) {
        guard let model else { return (nil, nil) }
        let clock = ContinuousClock()
        var start = clock.now
        let image: DecodedImage
        if let source { image = source } else { image = try decoder.decodeModelSource(data) }
        let prepared = try image.prepared(for: model.preprocessing)
        timings.decodeForModel += start.duration(to: clock.now).seconds
        start = clock.now
        defer { timings.inference += start.duration(to: clock.now).seconds }
        do {
            guard let result = try model.embedImages([prepared]).first else { return (nil, "the model returned nothing") }
            return (EmbeddingRecord(contentHash: hash, model: model.identifier, embedding: result), nil)
        } catch {
            return (nil, "the model could not embed the image: \(error)")
        }
    }

    /// Finds the faces of new content in its preview. A failure is returned as a warning: the
    /// image is indexed unscanned and `gallery faces scan` (or the next run) tries again.
    private func scanFaces(
        _ preview: DecodedImage, path: String, hash: String, timings: inout StageTimings
    ) -> (
        FaceScan?, String?
    ) {
        guard let faces else { return (nil, nil) }
        let start = ContinuousClock.now
        defer { timings.faces += (ContinuousClock.now - start).seconds }
        do {
            let found = try faces.analyze(preview)
            return (FaceScan(collectionId: collectionId, path: path, contentHash: hash, faces: found), nil)
        } catch {
            return (nil, "faces could not be analysed: \(error)")
        }
    }

    /// Reads the text of new content in its preview. A failure is returned as a warning: the
    /// image is indexed unscanned and `gallery ocr scan` (or the next run) tries again.
    private func readText(
        _ preview: DecodedImage, with recognizer: TextRecognizer, hash: String, timings: inout StageTimings
    ) -> (TextScan?, String?) {
        let start = ContinuousClock.now
        defer { timings.ocr += (ContinuousClock.now - start).seconds }
        do {
            return (TextScan(contentHash: hash, text: try recognizer.recognize(preview)), nil)
        } catch {
            return (nil, "the text could not be read: \(error)")
        }
    }

    /// Writes both thumbnails; returns the large one, decoded, for the other stages, and the
    /// picture the perceptual hash shrinks: the small one when it is at least the hash's working
    /// size (the same shrink of the large one the hash would make itself), else the large one.
    private func renderThumbnails(
        _ data: Data, from source: DecodedImage?, hash: String
    ) throws -> (large: DecodedImage, hashSource: DecodedImage) {
        let large = try preview(of: data, from: source)
        let largeData = try large.jpegData(quality: settings.quality)
        try thumbnails.write(largeData, hash: hash, size: .large)
        let small = try large.resized(toFit: settings.small)
        // A picture that fits the small size is the same in both: encoded once.
        let sameSize = small.width == large.width && small.height == large.height
        try thumbnails.write(sameSize ? largeData : try small.jpegData(quality: settings.quality), hash: hash, size: .small)
        return (large, settings.small >= PerceptualHash.workingSide ? small : large)
    }

    /// The large preview: shrunk from the model source when there is one, else decoded for it.
    private func preview(of data: Data, from source: DecodedImage?) throws(ImagingError) -> DecodedImage {
        if let source { return try source.resized(toFit: settings.large) }
        return try decoder.decodePreview(data, maxSide: settings.large)
    }

    /// A failed record: as read when the bytes were (`contents`), else as listed (`etag`).
    private func failure(
        _ item: WorkItem, _ timings: StageTimings, reason: FailureReason, message: String,
        contents: FileReader.Contents? = nil, hash: String? = nil, etag: String? = nil
    ) -> ProcessedFile {
        var record = ImageRecord(
            collectionId: collectionId, path: item.file.path, status: .failed,
            fileSize: contents?.size ?? item.file.size, modifiedAt: contents?.modifiedAt ?? item.file.modifiedAt, contentHash: hash,
            etag: contents?.etag ?? etag)
        record.failureReason = reason
        record.failureMessage = message
        return ProcessedFile(change: .upsert(record), outcome: .failed(reason, message), timings: timings)
    }
}
