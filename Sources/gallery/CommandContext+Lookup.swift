import ArgumentParser
import Foundation
import GalleryCore

extension CommandContext {
    /// An image of the CLI's collection by id or by path (symbolic links resolved).
    /// - Throws: `ValidationError` when there is none.
    func image(_ reference: String) throws -> ImageRecord {
        let collectionId = try collectionId()
        if let id = Int64(reference), let record = try catalog.image(id: id, collectionId: collectionId) { return record }
        let path = URL(fileURLWithPath: reference).standardizedFileURL.path
        let resolved = realpath(path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        }
        guard
            let record = try catalog.image(path: resolved ?? path, collectionId: collectionId)
                ?? catalog.image(path: path, collectionId: collectionId)
        else { throw ValidationError("no image '\(reference)' in the catalogue") }
        return record
    }

    /// A person of the CLI's collection by id or by name (case-insensitive; must be unique).
    /// - Throws: `ValidationError` when there is none or the name is ambiguous.
    func personId(_ reference: String) throws -> Int64 {
        let collectionId = try collectionId()
        let named = try catalog.personIds(referencedBy: reference, collectionId: collectionId)
        guard !named.isEmpty else { throw ValidationError("no person '\(reference)': see `gallery persons list`") }
        guard named.count == 1 else {
            throw ValidationError(
                "\(named.count) persons are named '\(reference)' (ids \(named.map(String.init).joined(separator: ", "))): use an id")
        }
        return named[0]
    }
}
