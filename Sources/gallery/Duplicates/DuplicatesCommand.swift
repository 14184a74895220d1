import ArgumentParser
import Foundation
import GalleryCore

/// `gallery duplicates ...`: review duplicates in three tiers (exact, near, similar).
struct DuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "Find and review duplicate photos: exact copies, near-identical versions, similar shots.",
        discussion: """
            gallery duplicates scan                    (hash and compare photos indexed before; resumable)
            gallery duplicates list --tier near
            gallery duplicates show near-12
            gallery duplicates resolve near-12 --keep 14 --action hide
            gallery duplicates resolve exact-3 --action delete --delete-originals
            gallery duplicates restore 14              (the photos set aside under keeper 14 come back)
            gallery duplicates trash [--empty]
            """,
        subcommands: [
            DuplicatesScanCommand.self, DuplicatesListCommand.self, DuplicatesShowCommand.self, DuplicatesResolveCommand.self,
            DuplicatesRestoreCommand.self, DuplicatesTrashCommand.self,
        ])
}

extension DuplicateTier: ExpressibleByArgument {}
extension DuplicateAction: ExpressibleByArgument {}
extension DuplicateGroupID: ExpressibleByArgument {}

extension DuplicateGroup {
    /// The lines `list` and `show` print: the group, then one line per photo, keeper first.
    var lines: [String] {
        ["\(id)\t\(members.count) photos"]
            + members.map { member in
                let size = member.width.flatMap { w in member.height.map { "\(w)x\($0)" } } ?? "?"
                return "  \(member.imageId == keeperId ? "keep" : "    ")\t\(member.imageId)\t\(size)\t"
                    + "\(Formatting.bytes(member.fileSize))\t\(member.path)"
            }
    }
}

/// `gallery duplicates scan`.
struct DuplicatesScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Compute the perceptual hashes of photos indexed before, and compare every new photo (resumable).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: {\"hashed\", \"without_hash\", \"looked_up\", \"pairs\"}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let collectionId = try context.collectionId()
        let hashed = try PerceptualHashScanner(
            catalog: context.catalog, thumbnails: ThumbnailStore(root: context.configuration.thumbnailsURL),
            decoder: PhotoDecoder(limits: context.configuration.limits)
        ).scan(collectionId: collectionId, logger: context.logger)
        let found = try DuplicateFinder(catalog: context.catalog, settings: context.configuration.duplicates).find(
            collectionId: collectionId, logger: context.logger)
        let report = DuplicateScanReport(
            hashed: hashed.hashed, withoutHash: hashed.withoutHash, lookedUp: found.lookedUp, pairs: found.pairs)
        if json { return try Output.json(report) }
        Output.line(
            "Hashed \(report.hashed) photos (\(report.withoutHash) flat or unreadable: by content only); compared \(report.lookedUp): "
                + DuplicateTier.allCases.map { "\(report.pairs[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + " pairs.")
    }
}

/// What `gallery duplicates scan --json` prints.
struct DuplicateScanReport: Encodable {
    var hashed: Int
    var withoutHash: Int
    var lookedUp: Int
    var pairs: [DuplicateTier: Int]

    enum CodingKeys: String, CodingKey {
        case hashed, pairs
        case withoutHash = "without_hash"
        case lookedUp = "looked_up"
    }
}
