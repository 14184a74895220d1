import ArgumentParser
import Foundation
import GalleryCore

/// `gallery duplicates list`.
struct DuplicatesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the collection's duplicate groups of one tier, largest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "exact, near or similar.")
    var tier: DuplicateTier = .exact

    @Option(help: "Groups per page.")
    var limit = 50

    @Option(help: "Groups to skip.")
    var offset = 0

    @Flag(help: "Print JSON: {\"tier\", \"total\", \"groups\": [...]}.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1 to 1000") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let page = try context.catalog.duplicateGroups(collectionId: try context.collectionId(), tier: tier, limit: limit, offset: offset)
        if json { return try Output.json(page) }
        Output.line("\(page.total) \(tier.rawValue) group\(page.total == 1 ? "" : "s")")
        for group in page.groups { group.lines.forEach(Output.line) }
    }
}

/// `gallery duplicates show GROUP`.
struct DuplicatesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one duplicate group with its photos and their distances.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The group: TIER-IMAGE, e.g. near-12 (any photo of the group).")
    var group: DuplicateGroupID

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.catalog.duplicateGroup(group, collectionId: try context.collectionId())
        if json { return try Output.json(found) }
        found.lines.forEach(Output.line)
        for pair in found.pairs {
            let distances = [
                pair.dHashDistance.map { "dHash \($0)" }, pair.pHashDistance.map { "pHash \($0)" },
                pair.embeddingDistance.map { "embedding \(String(format: "%.3f", $0))" },
                pair.seconds.map { "\(String(format: "%.1f", $0)) s apart" },
            ].compactMap { $0 }
            Output.line("  \(pair.imageId) ~ \(pair.otherId)\t" + (distances.isEmpty ? "same bytes" : distances.joined(separator: ", ")))
        }
    }
}

/// `gallery duplicates resolve GROUP`.
struct DuplicatesResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Keep one photo of a group, give it the others' tags and descriptions, and hide, stack or delete the others.",
        discussion: """
            Deleting removes uploaded copies for good. Originals in your own folders are only deleted with
            --delete-originals, and then moved to the trash (gallery duplicates trash --empty deletes them).
            Similar shots can be stacked or hidden, never deleted.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The group: TIER-IMAGE, e.g. near-12.")
    var group: DuplicateGroupID

    @Option(help: "The photo to keep (default: largest, then oldest, then with most metadata).")
    var keep: Int64?

    @Option(help: "hide, stack or delete.")
    var action: DuplicateAction = .hide

    @Flag(help: "With --action delete: also move originals from your folders to the trash.")
    var deleteOriginals = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if deleteOriginals, action != .delete { throw ValidationError("--delete-originals goes with --action delete") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let storage = try await GalleryStorage.open(configuration: context.configuration, logger: context.logger)
        let done = try DuplicateResolver(configuration: context.configuration, catalog: context.catalog).resolve(
            group, collectionId: try context.collectionId(), keeperId: keep, action: action, deleteOriginals: deleteOriginals)
        await storage.removeShared(done.removals)
        if json { return try Output.json(done) }
        let verb = ["hide": "hid", "stack": "stacked", "delete": "deleted"][done.action.rawValue] ?? done.action.rawValue
        Output.line(
            "Kept \(done.keeperId); \(verb) \(done.others.map(String.init).joined(separator: ", "))"
                + (done.mergedTags.isEmpty ? "" : "; merged tags: \(done.mergedTags.joined(separator: ", "))")
                + (done.mergedDescription ? "; merged the descriptions" : "")
                + (done.trashed.isEmpty ? "" : "; \(done.trashed.count) original(s) moved to the trash"))
    }
}

/// `gallery duplicates restore IMAGE...`.
struct DuplicatesRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring photos set aside as duplicates (hidden or stacked) back: those named, or those under a keeper named.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Photo ids (or paths): set-aside photos or their keepers.")
    var images: [String]

    func validate() throws {
        guard !images.isEmpty else { throw ValidationError("name at least one photo") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let records = try images.map { try context.image($0) }
        let restored = try context.catalog.restoreSetAside(imageIds: records.map { $0.id! }, collectionId: try context.collectionId())
        Output.line("restored \(restored) photo\(restored == 1 ? "" : "s")")
    }
}

/// `gallery duplicates trash [--empty]`.
struct DuplicatesTrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trash", abstract: "List the originals deleted as duplicates (in the trash), or delete them for good.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Delete the files in the trash for good.")
    var empty = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let trash = DuplicateTrash(root: context.configuration.trashURL)
        let ids = [try context.collectionId()]
        let entries = empty ? try trash.empty(collectionIds: ids) : trash.entries(collectionIds: ids)
        if json { return try Output.json(entries) }
        Output.line("\(entries.count) file\(entries.count == 1 ? "" : "s") \(empty ? "deleted from" : "in") the trash")
        for entry in entries { Output.line("\(entry.path)\t\(entry.originalPath ?? "?")") }
    }
}
