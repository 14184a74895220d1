import ArgumentParser
import Foundation
import GalleryCore

/// `gallery faces ...`: finding faces and grouping them into persons.
struct FacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faces",
        abstract: "Find faces in indexed photos, cluster them into persons, and review the doubtful ones.",
        subcommands: [FacesScanCommand.self, FacesClusterCommand.self, FacesReviewCommand.self, FacesListCommand.self])
}

/// `gallery faces scan`.
struct FacesScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find faces in indexed photos not scanned yet (indexed with faces off or before the models were installed), then cluster."
    )

    @OptionGroup var options: BulkOptions

    @Flag(help: "Print JSON: {\"scan\": {...}, \"clustering\": {...}}.")
    var json = false

    func run() async throws {
        let context = try options.makeContext()
        let collectionId = try context.collectionId()
        let bar = ProgressBar()
        let scan = try await FaceScanner(
            configuration: context.configuration, catalog: context.catalog, analyzer: try context.faceAnalyzer(),
            logger: context.logger
        ).scan(collectionId: collectionId) { bar.update($0) }
        bar.finish()
        let clustering = try FaceClusterer(catalog: context.catalog, settings: context.configuration.faces.clustering)
            .cluster(collectionId: collectionId)
        if json {
            try Output.json(FaceScanReport(scan: scan, clustering: clustering))
            return
        }
        Output.line(
            "Scanned \(scan.images) photos in \(Formatting.duration(scan.seconds)): \(scan.faces) faces, \(scan.failed) failed.")
        Output.line(clustering.line)
    }
}

/// `gallery faces cluster [--full]`.
struct FacesClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group unassigned faces into persons (--full: re-cluster everything not confirmed by a user).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Release every automatic assignment first and cluster the whole library again.")
    var full = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let summary = try FaceClusterer(catalog: context.catalog, settings: context.configuration.faces.clustering)
            .cluster(collectionId: try context.collectionId(), full: full)
        if json {
            try Output.json(summary)
        } else {
            Output.line(summary.line)
        }
    }
}

/// `gallery faces review`.
struct FacesReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "List faces waiting for a decision: unassigned ones, then doubtful assignments.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Faces to list.")
    var limit = 50

    @Flag(help: "Print JSON: {\"faces\": [...]}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let faces = try context.catalog.reviewQueue(
            collectionId: try context.collectionId(), settings: context.configuration.faces.clustering, limit: limit)
        try FaceListing(faces: faces).show(json: json, catalog: context.catalog)
    }
}

/// `gallery faces list IMAGE`.
struct FacesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the faces of one image (by id or path), with their persons.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The image's id or path.")
    var image: String

    @Flag(help: "Print JSON: {\"faces\": [...]}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let faces = try context.catalog.faces(imageId: try context.image(image).id!)
        try FaceListing(faces: faces).show(json: json, catalog: context.catalog)
    }
}

/// Faces as `faces review` and `faces list` print them.
struct FaceListing: Encodable {
    var faces: [FaceSummary]

    func show(json: Bool, catalog: AppDatabase) throws {
        if json {
            try Output.json(self)
            return
        }
        for face in faces {
            let box = face.box
            let person = face.personId.map { "person \($0) \(face.personName ?? "(unnamed)")" } ?? "unassigned"
            Output.line(
                "face \(face.id)\timage \(face.imageId)\t\(person)\tscore \(String(format: "%.2f", face.score))\t"
                    + String(format: "box %.3f,%.3f %.3fx%.3f", box.x, box.y, box.width, box.height))
        }
        Output.line("\(faces.count) faces")
    }
}

/// `gallery faces scan --json`.
struct FaceScanReport: Encodable {
    var scan: FaceScanSummary
    var clustering: ClusteringSummary
}

extension ClusteringSummary {
    var line: String {
        "Clustered \(faces) faces: \(joined) joined persons, \(newPersons) new persons, \(unassigned) unassigned; \(persons) persons."
    }
}
