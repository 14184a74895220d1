import Crypto
import Foundation

/// Turns one crawled file into a catalogue change: read once, hash, inspect the header, and
/// render thumbnails unless the store already has them for these bytes.
///
/// Never throws: every failure becomes a ``ImageStatus/failed`` record with its reason.
struct FileProcessor: Sendable {
    let collectionId: Int64
    let decoder: PhotoDecoder
    let thumbnails: ThumbnailStore
    let settings: ThumbnailSettings
    let maxFileBytes: Int64

    func process(_ item: WorkItem, moves: MoveCandidates) -> ProcessedFile {
        var timings = StageTimings()
        let clock = ContinuousClock()
        var start = clock.now
        let contents: FileReader.Contents
        do {
            contents = try FileReader.read(path: item.file.path, maxBytes: maxFileBytes)
        } catch {
            return failure(item, timings, reason: error.reason, message: error.message)
        }
        let hash = SHA256.hash(data: contents.data).map { String(format: "%02x", $0) }.joined()
        timings.readAndHash = start.duration(to: clock.now).seconds

        if let existing = item.existing, existing.wasIndexed, existing.contentHash == hash, thumbnails.containsAll(hash: hash) {
            // Touched but not changed: keep everything, note the new size and time.
            return ProcessedFile(
                change: .move(id: existing.id, path: item.file.path, fileSize: contents.size, modifiedAt: contents.modifiedAt),
                outcome: .updated, timings: timings)
        }
        if item.existing == nil, thumbnails.containsAll(hash: hash), let id = moves.claim(hash: hash) {
            return ProcessedFile(
                change: .move(id: id, path: item.file.path, fileSize: contents.size, modifiedAt: contents.modifiedAt),
                outcome: .moved, timings: timings)
        }

        do {
            start = clock.now
            let inspection = try decoder.inspect(contents.data)
            timings.inspect = start.duration(to: clock.now).seconds
            start = clock.now
            if !thumbnails.containsAll(hash: hash) {
                try renderThumbnails(contents.data, hash: hash)
            }
            timings.thumbnails = start.duration(to: clock.now).seconds
            var record = ImageRecord(
                collectionId: collectionId, path: item.file.path, status: .indexed,
                fileSize: contents.size, modifiedAt: contents.modifiedAt, contentHash: hash)
            record.format = inspection.format
            record.width = inspection.width
            record.height = inspection.height
            record.metadata = inspection.metadata
            return ProcessedFile(change: .upsert(record), outcome: item.existing == nil ? .added : .updated, timings: timings)
        } catch let error as ImagingError {
            return failure(item, timings, reason: error.reason, message: error.description, size: contents.size,
                           modifiedAt: contents.modifiedAt, hash: hash)
        } catch {
            return failure(item, timings, reason: .unreadable, message: "cannot write thumbnail: \(error)",
                           size: contents.size, modifiedAt: contents.modifiedAt, hash: hash)
        }
    }

    private func renderThumbnails(_ data: Data, hash: String) throws {
        let large = try decoder.decodePreview(data, maxSide: settings.large)
        try thumbnails.write(try large.jpegData(quality: settings.quality), hash: hash, size: .large)
        let small = try large.resized(toFit: settings.small)
        try thumbnails.write(try small.jpegData(quality: settings.quality), hash: hash, size: .small)
    }

    private func failure(
        _ item: WorkItem, _ timings: StageTimings, reason: FailureReason, message: String,
        size: Int64? = nil, modifiedAt: Double? = nil, hash: String? = nil
    ) -> ProcessedFile {
        var record = ImageRecord(
            collectionId: collectionId, path: item.file.path, status: .failed,
            fileSize: size ?? item.file.size, modifiedAt: modifiedAt ?? item.file.modifiedAt, contentHash: hash)
        record.failureReason = reason
        record.failureMessage = message
        return ProcessedFile(change: .upsert(record), outcome: .failed(reason, message), timings: timings)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
