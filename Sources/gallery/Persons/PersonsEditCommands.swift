import ArgumentParser
import GalleryCore

/// `gallery persons name ID NAME`.
struct PersonsNameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "name", abstract: "Name or rename a person (naming confirms their faces).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's id or current name.")
    var person: String

    @Argument(help: "The new name.")
    var name: String

    func run() async throws {
        let context = try global.makeContext()
        let summary = try context.catalog.renamePerson(
            try context.personId(person), to: name, collectionId: try context.collectionId())
        Output.line(summary.line)
    }
}

/// `gallery persons merge TARGET OTHER...`.
struct PersonsMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge persons into the first one.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person that stays, then the persons merged into it (ids or names).")
    var persons: [String]

    func validate() throws {
        guard persons.count >= 2 else { throw ValidationError("give the target person and at least one other") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let ids = try persons.map { try context.personId($0) }
        let summary = try context.catalog.mergePersons(
            into: ids[0], from: Array(ids.dropFirst()), collectionId: try context.collectionId())
        Output.line(summary.line)
    }
}

/// `gallery persons split FACE... [--to PERSON | --name NAME]`.
struct PersonsSplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split", abstract: "Move faces to another person, or to a new one.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Face ids (see `gallery persons show` or `gallery faces list`).")
    var faces: [Int64]

    @Option(help: "The person to move them to (id or name); default: a new person.")
    var to: String?

    @Option(help: "The new person's name.")
    var name: String?

    func validate() throws {
        guard !faces.isEmpty else { throw ValidationError("give at least one face id") }
        if to != nil && name != nil { throw ValidationError("give --to or --name, not both") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let summary = try context.catalog.moveFaces(
            faces, to: try to.map { try context.personId($0) }, newName: name, collectionId: try context.collectionId())
        Output.line(summary.line)
    }
}

/// `gallery persons assign FACE PERSON`.
struct PersonsAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Assign a face to a person (kept through every re-clustering).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The face id.")
    var face: Int64

    @Argument(help: "The person's id or name.")
    var person: String

    func run() async throws {
        let context = try global.makeContext()
        let summary = try context.catalog.assignFace(face, to: try context.personId(person), collectionId: try context.collectionId())
        Output.line(summary.line)
    }
}

/// `gallery persons reject FACE`.
struct PersonsRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Not this person: take a face out of its person for good.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The face id.")
    var face: Int64

    func run() async throws {
        let context = try global.makeContext()
        try context.catalog.rejectFace(face, collectionId: try context.collectionId())
        Output.line("face \(face) unassigned; it will not be put back in that person")
    }
}

/// `gallery persons hide PERSON [--show]`.
struct PersonsHideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hide", abstract: "Hide a person from the directory and from name search (--show undoes it).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's id or name.")
    var person: String

    @Flag(help: "Show the person again.")
    var show = false

    func run() async throws {
        let context = try global.makeContext()
        let collectionId = try context.collectionId()
        Output.line(try context.catalog.setPersonHidden(try context.personId(person), hidden: !show, collectionId: collectionId).line)
    }
}

/// `gallery persons delete PERSON`.
struct PersonsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a person; their faces are set aside and not clustered again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The person's id or name.")
    var person: String

    func run() async throws {
        let context = try global.makeContext()
        try context.catalog.deletePerson(try context.personId(person), collectionId: try context.collectionId())
        Output.line("deleted person \(person)")
    }
}
